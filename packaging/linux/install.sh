#!/bin/sh
# Install Arabic News Annotator for this user only (no root): a desktop entry with its icon,
# the `annotator` command in ~/.local/bin, and the *.annot.db file type, so that a double
# click on a project opens it. Run it again after moving the folder; uninstall.sh undoes it.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
BIN="$HERE/annotator"
[ -x "$BIN" ] || { echo "install.sh: $BIN not found: run me from the unpacked folder" >&2; exit 1; }
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$HOME/.local/bin" "$DATA/applications" "$DATA/mime/packages" \
    "$DATA/icons/hicolor/256x256/apps" "$DATA/icons/hicolor/scalable/apps"
ln -sfn "$BIN" "$HOME/.local/bin/annotator"
sed "s|@BIN@|\"$BIN\"|" "$HERE/share/arabic-news-annotator.desktop" \
    > "$DATA/applications/arabic-news-annotator.desktop"
cp "$HERE/share/arabic-news-annotator-mime.xml" "$DATA/mime/packages/arabic-news-annotator.xml"
cp "$HERE/share/arabic-news-annotator.png" "$DATA/icons/hicolor/256x256/apps/arabic-news-annotator.png"
cp "$HERE/share/arabic-news-annotator.svg" "$DATA/icons/hicolor/scalable/apps/arabic-news-annotator.svg"
if command -v update-mime-database >/dev/null 2>&1; then update-mime-database "$DATA/mime" || true; fi
if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database "$DATA/applications" || true; fi
if command -v xdg-mime >/dev/null 2>&1; then
    xdg-mime default arabic-news-annotator.desktop application/x-arabic-news-annotator-project || true
fi
echo "installed: the menu entry Arabic News Annotator, the command $HOME/.local/bin/annotator"
case ":$PATH:" in *":$HOME/.local/bin:"*) ;; *) echo "add $HOME/.local/bin to PATH for the command";; esac
