#include "brigade/ui/headless.h"

#include "brigade/ui/theme.h"

namespace brigade::ui {

Headless::Headless(ImVec2 display) {
  context_ = ImGui::CreateContext();
  ImGui::SetCurrentContext(context_);
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  io.DisplaySize = display;
  io.DeltaTime = 1.0f / 60.0f;
  apply_theme({});
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
  install_probe(&probe_);
}

Headless::~Headless() {
  install_probe(nullptr);
  ImGui::DestroyContext(context_);
}

void Headless::frame(const Draw& draw) {
  ImGui::SetCurrentContext(context_);
  probe_.rects.clear();
  ImGui::NewFrame();
  draw();
  ImGui::Render();
}

void Headless::tap(ImVec2 at, const Draw& draw) {
  ImGuiIO& io = ImGui::GetIO();
#if IMGUI_VERSION_NUM >= 18700
  io.AddMousePosEvent(at.x, at.y);
  frame(draw);
  io.AddMouseButtonEvent(0, true);
  frame(draw);
  io.AddMouseButtonEvent(0, false);
  frame(draw);
#else
  io.MousePos = at;
  frame(draw);  // hover first, as a finger lands
  io.MouseDown[0] = true;
  frame(draw);
  io.MouseDown[0] = false;
  frame(draw);
#endif
}

bool Headless::tap(const std::string& name, const Draw& draw) {
  if (!drawn(name)) frame(draw);
  auto it = probe_.rects.find(name);
  if (it == probe_.rects.end()) return false;
  tap(it->second.centre(), draw);
  return true;
}

void Headless::type(const std::string& utf8, const Draw& draw) {
  ImGui::GetIO().AddInputCharactersUTF8(utf8.c_str());
  frame(draw);
  frame(draw);
}

void Headless::press(int key_code, const Draw& draw) {
  ImGuiIO& io = ImGui::GetIO();
#if IMGUI_VERSION_NUM >= 18700
  io.AddKeyEvent(static_cast<ImGuiKey>(key_code), true);
  frame(draw);
  io.AddKeyEvent(static_cast<ImGuiKey>(key_code), false);
  frame(draw);
#else
  io.KeysDown[key_code] = true;
  frame(draw);
  io.KeysDown[key_code] = false;
  frame(draw);
#endif
}

}  // namespace brigade::ui
