#include "brigade/ui/shell.h"

#define GLFW_INCLUDE_NONE
#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <stb_image_write.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <vector>

namespace brigade::ui {

namespace {

// What a frame would put on the screen: its size and every vertex, index and draw command.
// Equal to the last frame shown: nothing visible changed, and drawing it again (about
// 12 ms of software OpenGL on a kiosk) is skipped.
std::uint64_t picture_of(const ImDrawData& data, int width, int height) {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a
  auto mix = [&](const void* bytes, std::size_t n) {
    const auto* p = static_cast<const unsigned char*>(bytes);
    for (std::size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 1099511628211ull;
  };
  mix(&width, sizeof width);
  mix(&height, sizeof height);
  for (int l = 0; l < data.CmdListsCount; ++l) {
    const ImDrawList& list = *data.CmdLists[l];
    mix(list.VtxBuffer.Data, static_cast<std::size_t>(list.VtxBuffer.size_in_bytes()));
    mix(list.IdxBuffer.Data, static_cast<std::size_t>(list.IdxBuffer.size_in_bytes()));
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
      mix(&cmd.ClipRect, sizeof cmd.ClipRect);
      mix(&cmd.TextureId, sizeof cmd.TextureId);
      mix(&cmd.ElemCount, sizeof cmd.ElemCount);
      mix(&cmd.IdxOffset, sizeof cmd.IdxOffset);
      mix(&cmd.VtxOffset, sizeof cmd.VtxOffset);
    }
  }
  return h;
}

bool g_exposed = true;  // the window system asked for the window to be drawn again

}  // namespace

struct Shell::Window {
  GLFWwindow* handle = nullptr;
  ~Window() {
    if (!handle) return;
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(handle);
    glfwTerminate();
  }
};

std::unique_ptr<Shell> Shell::open(const ShellOptions& options, std::string& error) {
  glfwSetErrorCallback(
      [](int code, const char* text) { std::fprintf(stderr, "glfw error %d: %s\n", code, text); });
  if (!glfwInit()) {
    error = "cannot start GLFW: is there a display (DISPLAY, or run under xvfb-run)?";
    return nullptr;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  GLFWmonitor* monitor = options.fullscreen ? glfwGetPrimaryMonitor() : nullptr;
  int width = options.width, height = options.height;
  if (monitor) {
    const GLFWvidmode* mode = glfwGetVideoMode(monitor);
    width = mode->width;
    height = mode->height;
  }
  auto window = std::make_unique<Window>();
  window->handle = glfwCreateWindow(width, height, options.title.c_str(), monitor, nullptr);
  if (!window->handle) {
    glfwTerminate();
    error = "cannot open a window with OpenGL 3";
    return nullptr;
  }
  glfwMakeContextCurrent(window->handle);
  glfwSwapInterval(1);
  glfwSetWindowRefreshCallback(window->handle, [](GLFWwindow*) { g_exposed = true; });

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // a terminal always starts the same way
  apply_theme(options.theme);
  ImGui_ImplGlfw_InitForOpenGL(window->handle, true);
  ImGui_ImplOpenGL3_Init("#version 130");
  return std::unique_ptr<Shell>(new Shell(std::move(window), options));
}

Shell::Shell(std::unique_ptr<Window> window, ShellOptions options)
    : window_(std::move(window)), options_(std::move(options)) {}

Shell::~Shell() = default;

void Shell::wake() {
  glfwPostEmptyEvent();
}

int Shell::run(const std::function<bool()>& frame, const std::function<bool()>& ready) {
  using clock = std::chrono::steady_clock;
  const bool screenshot = !options_.screenshot_path.empty();
  const auto started = clock::now();
  int busy_frames = 3;  // ImGui settles hover and layout over a few frames after input
  int frames_since_ready = -1;
  std::uint64_t shown = 0;  // the picture on the screen
  while (!glfwWindowShouldClose(window_->handle)) {
    if (screenshot || busy_frames > 0) {
      glfwPollEvents();
    } else {
      // Idle: no frames until something happens; clocks on screen move once a second.
      glfwWaitEventsTimeout(1.0);
      busy_frames = 3;
    }
    --busy_frames;

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    bool keep_going = frame();
    ImGui::Render();
    int w = 0, h = 0;
    glfwGetFramebufferSize(window_->handle, &w, &h);
    if (ImGui::GetIO().WantTextInput || ImGui::IsAnyMouseDown()) busy_frames = 3;
    const std::uint64_t picture = picture_of(*ImGui::GetDrawData(), w, h);
    if (!screenshot && !g_exposed && picture == shown) {
      if (!keep_going) break;
      continue;  // the same picture is on the screen already
    }
    shown = picture;
    g_exposed = false;
    glViewport(0, 0, w, h);
    glClearColor(colour::background.x, colour::background.y, colour::background.z, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    if (screenshot) {
      bool is_ready = !ready || ready();
      bool timed_out = clock::now() - started > std::chrono::seconds(20);
      if ((is_ready || timed_out) && frames_since_ready < 0) frames_since_ready = 0;
      // A few frames after ready, so that layout and fonts have settled.
      if (frames_since_ready >= 0 && ++frames_since_ready > 5) {
        bool written = write_screenshot(options_.screenshot_path);
        if (!written) return 1;
        return is_ready ? 0 : 2;
      }
    }
    glfwSwapBuffers(window_->handle);
    if (!keep_going) break;
  }
  return 0;
}

bool Shell::write_screenshot(const std::string& path) {
  int w = 0, h = 0;
  glfwGetFramebufferSize(window_->handle, &w, &h);
  std::vector<unsigned char> pixels(static_cast<std::size_t>(w) * h * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  // OpenGL's rows start at the bottom; PNG's at the top.
  stbi_flip_vertically_on_write(1);
  if (!stbi_write_png(path.c_str(), w, h, 4, pixels.data(), w * 4)) {
    std::fprintf(stderr, "cannot write the screenshot %s\n", path.c_str());
    return false;
  }
  std::fprintf(stderr, "screenshot written: %s (%dx%d)\n", path.c_str(), w, h);
  return true;
}

}  // namespace brigade::ui
