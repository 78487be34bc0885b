#!/usr/bin/env bash
# Qt's offscreen platform needs a few system libraries (EGL, GL, fontconfig, xkbcommon, dbus).
# Most desktops have them; a bare container may not. If Qt cannot load, install them with apt.
set -euo pipefail
PY="${1:-.venv/bin/python}"
if QT_QPA_PLATFORM=offscreen "$PY" -c "from PySide6 import QtWidgets" 2>/dev/null; then
  exit 0
fi
PKGS="libgl1 libegl1 libopengl0 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0"
if ! command -v apt-get >/dev/null; then
  echo "PySide6 cannot load its system libraries and apt-get is not here; install: $PKGS" >&2
  exit 1
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "Installing the system libraries Qt needs: $PKGS"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $PKGS >/dev/null
QT_QPA_PLATFORM=offscreen "$PY" -c "from PySide6 import QtWidgets"
