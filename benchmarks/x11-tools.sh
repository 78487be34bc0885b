#!/usr/bin/env bash
# bench_x11.py needs Xvfb, xdotool and the X libraries Qt's xcb platform loads. The missing
# ones are installed with Debian's apt-get; where that cannot be done, say what is missing and fail.
set -euo pipefail
PY="${1:-.venv/bin/python}"
XCB_LIBS="libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-sync1 libxcb-xfixes0 libxcb-xinerama0 libxcb-xinput0
  libxcb-xkb1 libxkbcommon-x11-0"

xcb_unresolved() {  # the libraries Qt's xcb plugin links to that the loader cannot find
  "$PY" - <<'PYEOF' | xargs -r ldd 2>/dev/null | grep 'not found' || true
from pathlib import Path
import PySide6
qt = Path(PySide6.__file__).parent / "Qt"
for name in ("plugins/platforms/libqxcb.so", "lib/libQt6XcbQpa.so.6"):
    if (qt / name).exists():
        print(qt / name)
PYEOF
}

missing() {
  local pkgs=""
  command -v Xvfb >/dev/null || pkgs="$pkgs xvfb"
  command -v xdotool >/dev/null || pkgs="$pkgs xdotool"
  [ -z "$(xcb_unresolved)" ] || pkgs="$pkgs $XCB_LIBS"
  echo $pkgs
}

PKGS="$(missing)"
[ -z "$PKGS" ] && exit 0
fail() {
  echo "bench-x: $1; install these Debian packages: $PKGS" >&2
  exit 1
}
command -v apt-get >/dev/null || fail "apt-get is not here"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || fail "not root and no sudo"
  SUDO="sudo"
fi
echo "bench-x: installing $PKGS"
$SUDO apt-get update -qq || fail "apt-get update failed"
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $PKGS >/dev/null \
  || fail "apt-get install failed"
PKGS="$(missing)"
[ -z "$PKGS" ] || fail "still missing after apt-get install"
