#!/bin/sh
# Undo install.sh (the projects you made are yours and stay where they are).
set -eu
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
HERE=$(cd "$(dirname "$0")" && pwd)
if [ -L "$HOME/.local/bin/annotator" ] && [ "$(readlink "$HOME/.local/bin/annotator")" = "$HERE/annotator" ]; then
    rm -f "$HOME/.local/bin/annotator"
fi
rm -f "$DATA/applications/arabic-news-annotator.desktop" \
    "$DATA/mime/packages/arabic-news-annotator.xml" \
    "$DATA/icons/hicolor/256x256/apps/arabic-news-annotator.png" \
    "$DATA/icons/hicolor/scalable/apps/arabic-news-annotator.svg"
if command -v update-mime-database >/dev/null 2>&1 && [ -d "$DATA/mime" ]; then update-mime-database "$DATA/mime" || true; fi
if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$DATA/applications" ]; then update-desktop-database "$DATA/applications" || true; fi
echo "uninstalled"
