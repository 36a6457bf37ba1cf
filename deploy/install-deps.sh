#!/usr/bin/env bash
# Installs every Debian 12 package Brigade needs to build, test and run.
# This is the one list of dependencies; safe to run again (installs only what is missing).
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake pkg-config clang-format
  # UI: Dear ImGui (+ its GLFW/OpenGL3 backends), stb_image_write for screenshots, GLFW, OpenGL
  libimgui-dev libstb-dev libglfw3-dev libgl-dev
  # transport: ZeroMQ and its C++ binding
  libzmq3-dev cppzmq-dev
  # storage: SQLite and the SQLiteCpp RAII wrapper
  libsqlite3-dev libsqlitecpp-dev
  # JSON for the protocol and the sample restaurant
  nlohmann-json3-dev
  # logging, command lines, PIN hashing, command ids
  libspdlog-dev libfmt-dev libcli11-dev libsodium-dev uuid-dev
  # tests
  libgtest-dev libgmock-dev
  # the fuzz build (preset "fuzz"): clang 14 and its runtimes (libFuzzer, ASan, UBSan), which
  # clang-14 only recommends
  clang-14 libclang-rt-14-dev
  # fonts and a headless X server for GUI runs and screenshots
  fonts-dejavu-core xvfb xauth libgl1-mesa-dri
  # the kitchen display's system test presses its bump-bar keys in a real window; its
  # screenshot script (deploy/kds-screenshots.sh) backdates the early orders of a rush
  xdotool faketime
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "deploy: all ${#PACKAGES[@]} packages present"
  exit 0
fi

echo "deploy: installing ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
