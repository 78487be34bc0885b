"""Colours of the three visual channels, derived from the label colours. No Qt.

entity: a light background by label (dark text stays readable on it);
event: a thick underline (painted by the viewer) in a darker shade of the label colour;
quote: the text tinted with a dark shade of the label colour, and a bar in the side margin.
Where two spans of one kind overlap, the overlap gets a darker background, a second underline
above the first or a deeper tint, and quote bars sit side by side: both spans stay visible.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.model import Kind, LabelSet

UNKNOWN_COLOUR = "#c8c8c8"  # a label the label set does not know: drawn as a grey entity
TEXT_COLOUR = "#1a1a1a"
PAPER_COLOUR = "#fffdf8"
OUTLINE_COLOUR = "#1f3fbf"  # the selected span's frame
FOUND_COLOUR = "#e39b00"  # the frame of each match of the find bar

RGB = tuple[float, float, float]


def parse(colour: str) -> RGB:
    """``#rrggbb`` (or ``#rgb``) -> channels in 0..1; anything else is grey."""
    h = colour.strip().lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    try:
        return (int(h[0:2], 16) / 255, int(h[2:4], 16) / 255, int(h[4:6], 16) / 255)
    except ValueError:
        return parse(UNKNOWN_COLOUR)


def fmt(rgb: RGB) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02x}" for c in rgb)


def luminance(rgb: RGB) -> float:
    """WCAG relative luminance."""

    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def mix(a: RGB, b: RGB, t: float) -> RGB:
    """``a`` moved a fraction ``t`` towards ``b``."""
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t)


WHITE: RGB = (1.0, 1.0, 1.0)
BLACK: RGB = (0.0, 0.0, 0.0)


def lighter_than(rgb: RGB, min_luminance: float) -> RGB:
    """Mix with white until the luminance reaches ``min_luminance``."""
    t = 0.0
    out = rgb
    while luminance(out) < min_luminance and t < 1.0:
        t += 0.05
        out = mix(rgb, WHITE, t)
    return out


def darker_than(rgb: RGB, max_luminance: float) -> RGB:
    """Mix with black until the luminance falls to ``max_luminance``."""
    t = 0.0
    out = rgb
    while luminance(out) > max_luminance and t < 1.0:
        t += 0.05
        out = mix(rgb, BLACK, t)
    return out


def blend(colours: list[RGB]) -> RGB:
    n = len(colours)
    return (
        sum(c[0] for c in colours) / n,
        sum(c[1] for c in colours) / n,
        sum(c[2] for c in colours) / n,
    )


@dataclass(frozen=True, slots=True)
class LabelStyle:
    kind: Kind
    background: RGB  # entity background
    line: RGB  # event underline
    tint: RGB  # quote text colour
    bar: RGB  # quote side bar


def label_style(kind: Kind, colour: str) -> LabelStyle:
    rgb = parse(colour)
    return LabelStyle(
        kind=kind,
        background=lighter_than(rgb, 0.45),
        line=darker_than(rgb, 0.22),
        tint=darker_than(rgb, 0.10),
        bar=darker_than(rgb, 0.35),
    )


class Palette:
    """The style of every label of a label set, and the mixes for overlaps."""

    def __init__(self, labels: LabelSet) -> None:
        self._styles = {label.name: label_style(label.kind, label.colour) for label in labels}
        self._unknown = label_style(Kind.ENTITY, UNKNOWN_COLOUR)

    def style(self, label: str) -> LabelStyle:
        return self._styles.get(label, self._unknown)

    def kind(self, label: str) -> Kind:
        return self.style(label).kind

    @staticmethod
    def entity_background(styles: list[LabelStyle]) -> str:
        """One entity: its colour. Several: their mean, darker, still light enough to read."""
        if len(styles) == 1:
            return fmt(styles[0].background)
        mean = blend([s.background for s in styles])
        deeper = mix(mean, BLACK, 0.12 * min(len(styles) - 1, 3))
        return fmt(lighter_than(deeper, 0.30))

    @staticmethod
    def quote_tint(style: LabelStyle, depth: int) -> str:
        return fmt(style.tint if depth <= 1 else darker_than(style.tint, 0.04))
