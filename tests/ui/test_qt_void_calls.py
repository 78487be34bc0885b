"""DESIGN.md §7: PySide6 6.12.0 on Python 3.11 drops a reference to None on every call of a Qt
method that returns nothing, and the process dies (``Fatal Python error: none_dealloc``) after a
few thousand calls. The viewer makes such calls by the thousand (QTextCursor.setPosition,
QTextCharFormat.setBackground, QSyntaxHighlighter.setFormat), so make 20,000 of them in a child
process: a crash fails this test instead of killing pytest."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

CALLS = 20_000

SCRIPT = textwrap.dedent(
    f"""
    import sys
    from PySide6.QtGui import (
        QBrush, QColor, QGuiApplication, QSyntaxHighlighter, QTextCharFormat, QTextCursor,
        QTextDocument,
    )

    app = QGuiApplication([])
    none_refs = sys.getrefcount(None)
    doc = QTextDocument()
    doc.setPlainText("واشنطن تجدد دعمها لتركيا 😀 " * 20)
    cursor = QTextCursor(doc)
    fmt = QTextCharFormat()
    brush = QBrush(QColor("#a8e0a0"))
    end = doc.characterCount() - 1

    class Highlighter(QSyntaxHighlighter):
        def highlightBlock(self, text):
            for i in range(0, len(text), 2):
                self.setFormat(i, 1, fmt)

    for i in range({CALLS} // 4):
        cursor.setPosition(i % end)
        cursor.setPosition((i + 3) % end, QTextCursor.MoveMode.KeepAnchor)
        fmt.setBackground(brush)
        fmt.setUnderlineColor(QColor("#6a2b86"))
    highlighter = Highlighter(doc)
    for _ in range(20):
        highlighter.rehighlight()  # setFormat, another void method, from Qt's side
    assert sys.getrefcount(None) >= none_refs - 100, (none_refs, sys.getrefcount(None))
    print("ok", {CALLS})
    """
)


def test_twenty_thousand_void_qt_calls_do_not_crash() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["ok", str(CALLS)]
