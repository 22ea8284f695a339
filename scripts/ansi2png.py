#!/usr/bin/python3
"""Render a tmux pane capture (`tmux capture-pane -p -e [-N]`) as a PNG that looks like a terminal.

Usage:
    ansi2png.py --cols 80 --rows 24 [--title TEXT] [--cursor COL,ROW] [--font-size 16] [--no-frame] in.ansi out.png
    (use - for in.ansi to read standard input)

The capture is text with SGR escape sequences (16, 256 and truecolor, bold, dim, italic, underline,
reverse, strike, hidden, default resets). tmux has already laid the screen out: this script only
follows that layout. A capture holds each cell's text once and skips the second half of a wide
cell, so widths are measured like tmux does on Debian (glibc wcwidth, mirrored here with
unicodedata): East Asian Wide/Fullwidth = 2 cells, combining marks and format characters = 0 and
join the cell before them, a character after a zero width joiner joins that cell too.

Fonts (Debian packages): DejaVu Sans Mono (fonts-dejavu-core), Noto Sans CJK (fonts-noto-cjk),
Noto Color Emoji (fonts-noto-color-emoji, a CBDT bitmap font loaded at its only size, 109 px, and
scaled to the cell), and for anything else the font fontconfig (fc-match) finds for the character.
Box drawing and block characters are drawn as shapes so lines join across cells.

Needs python3-pil (Debian); run it with /usr/bin/python3.
"""

from __future__ import annotations

import argparse
import bisect
import functools
import re
import subprocess
import sys
import unicodedata
from dataclasses import dataclass, field, replace

from PIL import Image, ImageDraw, ImageFilter, ImageFont

# ---------------------------------------------------------------------------------------------
# Theme
# ---------------------------------------------------------------------------------------------

Color = tuple[int, int, int]

DEFAULT_FG: Color = (0xD4, 0xD7, 0xDD)
DEFAULT_BG: Color = (0x17, 0x19, 0x1F)
TITLE_BAR: Color = (0x2A, 0x2D, 0x35)
TITLE_TEXT: Color = (0xA8, 0xAD, 0xB7)
CURSOR: Color = (0xD4, 0xD7, 0xDD)
WINDOW_BUTTONS: list[Color] = [(0xFF, 0x5F, 0x57), (0xFE, 0xBC, 0x2E), (0x28, 0xC8, 0x40)]

PALETTE16: list[Color] = [
    (0x2E, 0x32, 0x3A), (0xE0, 0x6C, 0x75), (0x98, 0xC3, 0x79), (0xE5, 0xC0, 0x7B),
    (0x61, 0xAF, 0xEF), (0xC6, 0x78, 0xDD), (0x56, 0xB6, 0xC2), (0xC8, 0xCC, 0xD4),
    (0x5C, 0x63, 0x70), (0xFF, 0x7B, 0x86), (0xB5, 0xE8, 0x90), (0xFF, 0xD6, 0x8A),
    (0x7C, 0xC4, 0xFF), (0xDE, 0x94, 0xF0), (0x6F, 0xD6, 0xE3), (0xFF, 0xFF, 0xFF),
]


def palette256(index: int) -> Color:
    """The xterm 256-colour palette: 16 theme colours, a 6x6x6 cube, 24 greys."""
    index = max(0, min(255, index))
    if index < 16:
        return PALETTE16[index]
    if index < 232:
        index -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[index // 36], steps[(index // 6) % 6], steps[index % 6])
    grey = 8 + 10 * (index - 232)
    return (grey, grey, grey)


# ---------------------------------------------------------------------------------------------
# Styles and SGR
# ---------------------------------------------------------------------------------------------

# A colour in a Style: None (the default), an int (palette index) or an (r, g, b) tuple.
StyleColor = None | int | Color


@dataclass(frozen=True)
class Style:
    fg: StyleColor = None
    bg: StyleColor = None
    bold: bool = False
    dim: bool = False
    italic: bool = False
    underline: bool = False
    reverse: bool = False
    strike: bool = False
    hidden: bool = False

    def colors(self) -> tuple[Color, Color]:
        """Resolved (foreground, background) after reverse, dim and hidden."""
        fg = resolve(self.fg, DEFAULT_FG)
        bg = resolve(self.bg, DEFAULT_BG)
        if self.reverse:
            fg, bg = bg, fg
        if self.dim:
            fg = blend(fg, bg, 0.5)
        if self.hidden:
            fg = bg
        return fg, bg


def resolve(color: StyleColor, default: Color) -> Color:
    if color is None:
        return default
    if isinstance(color, int):
        return palette256(color)
    return color


def blend(a: Color, b: Color, amount: float) -> Color:
    return tuple(round(x + (y - x) * amount) for x, y in zip(a, b))  # type: ignore[return-value]


def _extended_color(values: list[int]) -> StyleColor:
    """The colour of `5;N` or `2;[colourspace;]R;G;B` (the values after 38/48/58)."""
    if len(values) >= 2 and values[0] == 5:
        return values[1]
    if len(values) >= 4 and values[0] == 2:
        red, green, blue = values[-3:]
        return (red & 255, green & 255, blue & 255)
    return None


def apply_sgr(style: Style, parameters: str) -> Style:
    """The style after one `ESC [ parameters m` sequence (semicolon and colon forms)."""
    parts = parameters.split(";") if parameters else ["0"]
    index = 0
    while index < len(parts):
        part = parts[index]
        index += 1
        if ":" in part:  # ISO 8613-6 sub-parameters: 4:3, 38:2::R:G:B, 58:5:N ...
            values = [int(x) if x.isdigit() else 0 for x in part.split(":")]
            code = values[0]
            if code == 4:
                style = replace(style, underline=len(values) < 2 or values[1] != 0)
            elif code in (38, 48):
                color = _extended_color(values[1:])
                style = replace(style, fg=color) if code == 38 else replace(style, bg=color)
            continue
        code = int(part) if part.isdigit() else 0
        if code in (38, 48, 58):
            kind = int(parts[index]) if index < len(parts) and parts[index].isdigit() else 0
            count = 2 if kind == 5 else 4 if kind == 2 else 1
            values = [int(x) if x.isdigit() else 0 for x in parts[index:index + count]]
            index += count
            color = _extended_color(values)
            if code == 38:
                style = replace(style, fg=color)
            elif code == 48:
                style = replace(style, bg=color)
        elif code == 0:
            style = Style()
        elif code == 1:
            style = replace(style, bold=True)
        elif code == 2:
            style = replace(style, dim=True)
        elif code == 3:
            style = replace(style, italic=True)
        elif code in (4, 21):
            style = replace(style, underline=True)
        elif code == 7:
            style = replace(style, reverse=True)
        elif code == 8:
            style = replace(style, hidden=True)
        elif code == 9:
            style = replace(style, strike=True)
        elif code == 22:
            style = replace(style, bold=False, dim=False)
        elif code == 23:
            style = replace(style, italic=False)
        elif code == 24:
            style = replace(style, underline=False)
        elif code == 27:
            style = replace(style, reverse=False)
        elif code == 28:
            style = replace(style, hidden=False)
        elif code == 29:
            style = replace(style, strike=False)
        elif 30 <= code <= 37:
            style = replace(style, fg=code - 30)
        elif code == 39:
            style = replace(style, fg=None)
        elif 40 <= code <= 47:
            style = replace(style, bg=code - 40)
        elif code == 49:
            style = replace(style, bg=None)
        elif 90 <= code <= 97:
            style = replace(style, fg=code - 90 + 8)
        elif 100 <= code <= 107:
            style = replace(style, bg=code - 100 + 8)
    return style


# ---------------------------------------------------------------------------------------------
# Widths (like glibc's wcwidth, which tmux uses on Debian)
# ---------------------------------------------------------------------------------------------

ZERO_WIDTH_JOINER = "\u200d"
VARIATION_SELECTOR_16 = "\ufe0f"


@functools.lru_cache(maxsize=4096)
def char_width(char: str) -> int:
    """Cells one code point takes: 0 (joins the previous cell), 1 or 2."""
    code = ord(char)
    if code < 0x20 or 0x7F <= code < 0xA0:
        return 0
    category = unicodedata.category(char)
    if category in ("Mn", "Me") or (category == "Cf" and code != 0x00AD):
        return 0
    if 0x1160 <= code <= 0x11FF or 0xD7B0 <= code <= 0xD7FF:  # Hangul medial vowels, final consonants
        return 0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 2
    if 0x3248 <= code <= 0x324F or 0x4DC0 <= code <= 0x4DFF:  # glibc counts these as wide too
        return 2
    return 1


def is_regional_indicator(char: str) -> bool:
    return 0x1F1E6 <= ord(char) <= 0x1F1FF


# ---------------------------------------------------------------------------------------------
# Parsing the capture into a grid of cells
# ---------------------------------------------------------------------------------------------


@dataclass
class Cell:
    text: str
    width: int
    style: Style


@dataclass
class Screen:
    cols: int
    rows: int
    grid: list[list[Cell | None]] = field(default_factory=list)  # None: right half of a wide cell
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.grid = [[Cell(" ", 1, Style()) for _ in range(self.cols)] for _ in range(self.rows)]


TOKEN = re.compile(
    r"\x1b\[([0-?]*)([ -/]*)([@-~])"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC
    r"|\x1b[P^_X].*?(?:\x1b\\|$)"  # DCS, PM, APC, SOS
    r"|\x1b[()*+].?"  # charset designation
    r"|\x1b.?"  # any other escape
    r"|([\x0e\x0f])"  # shift out / shift in (DEC line drawing)
    r"|([^\x1b\x0e\x0f]+)",  # text
    re.S,
)

# DEC special graphics, for captures that keep line drawing as ACS characters.
ACS = dict(zip("`afgjklmnopqrstuvwxyz{|}~", "◆▒°±┘┐┌└┼⎺⎻─⎼⎽├┤┴┬│≤≥π≠£·"))


def parse(capture: str, cols: int, rows: int) -> Screen:
    """Places the capture's text on a cols x rows grid exactly as tmux laid it out."""
    screen = Screen(cols, rows)
    style = Style()
    line_acs = False
    lines = capture.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) > rows:
        screen.warnings.append(f"capture has {len(lines)} lines, pane has {rows}: extra lines dropped")
    for row, line in enumerate(lines[:rows]):
        col = 0
        last: Cell | None = None  # the cell that zero-width characters join
        full = False  # text past the last column was met: drop the rest, still follow the styles
        for match in TOKEN.finditer(line):
            parameters, intermediates, final, shift, text = match.groups()
            if final is not None:
                if final == "m" and not intermediates:
                    style = apply_sgr(style, parameters)
                continue
            if shift is not None:
                line_acs = shift == "\x0e"
                continue
            if text is None or full:
                continue
            for char in text:
                if char in "\r\t":
                    continue
                if line_acs:
                    char = ACS.get(char, char)
                width = char_width(char)
                joins = width == 0 or (last is not None and last.text.endswith(ZERO_WIDTH_JOINER))
                if joins:
                    if last is not None and (width > 0 or ord(char) >= 0x20):
                        last.text += char
                    continue
                if col + width > cols:
                    screen.warnings.append(f"row {row + 1}: text beyond column {cols} dropped")
                    full = True
                    break
                cell = Cell(char, width, style)
                screen.grid[row][col] = cell
                if width == 2:
                    screen.grid[row][col + 1] = None
                col += width
                last = cell
    return screen


# ---------------------------------------------------------------------------------------------
# Fonts
# ---------------------------------------------------------------------------------------------


def fc_match(pattern: str) -> tuple[str, int] | None:
    """The (file, face index) fontconfig picks for a pattern, or None."""
    found = fc_match_family(pattern)
    return (found[0], found[1]) if found else None


def fc_match_family(pattern: str) -> tuple[str, int, list[str]] | None:
    """The (file, face index, family names) fontconfig picks for a pattern, or None."""
    try:
        result = subprocess.run(
            ["fc-match", "-f", "%{file}\n%{index}\n%{family}", pattern],
            capture_output=True, text=True, timeout=10,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    lines = result.stdout.split("\n")
    if result.returncode != 0 or len(lines) < 3 or not lines[0]:
        return None
    index = int(lines[1]) if lines[1].isdigit() else 0
    return lines[0], index, [name.strip().lower() for name in lines[2].split(",")]


@functools.lru_cache(maxsize=64)
def coverage(path: str, index: int) -> list[tuple[int, int]]:
    """The code point ranges a font face covers (from fc-query), sorted."""
    try:
        result = subprocess.run(
            ["fc-query", "-i", str(index), "-f", "%{charset}", path], capture_output=True, text=True, timeout=20
        )
    except (OSError, subprocess.TimeoutExpired):
        return []
    ranges = []
    for item in result.stdout.split():
        low, _, high = item.partition("-")
        try:
            ranges.append((int(low, 16), int(high or low, 16)))
        except ValueError:
            continue
    return sorted(ranges)


def covers(face: tuple[str, int] | None, char: str) -> bool:
    if face is None:
        return False
    ranges = coverage(*face)
    code = ord(char)
    position = bisect.bisect_right(ranges, (code, 0x10FFFF)) - 1
    return position >= 0 and ranges[position][0] <= code <= ranges[position][1]


CJK_RANGES = [
    (0x1100, 0x11FF), (0x2E80, 0x303F), (0x3040, 0x9FFF), (0xA960, 0xA97F), (0xAC00, 0xD7FF),
    (0xF900, 0xFAFF), (0xFE10, 0xFE1F), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF), (0x20000, 0x3FFFD),
]


def is_cjk(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in CJK_RANGES)


class Fonts:
    """The faces used to draw cells, and the cell size they give."""

    EMOJI_SIZE = 109  # Noto Color Emoji's only bitmap strike

    def __init__(self, size: int) -> None:
        self.size = size
        self.mono_faces = {
            (bold, italic): self._find(
                "DejaVu Sans Mono:style=" + {(False, False): "Book", (True, False): "Bold",
                                             (False, True): "Oblique", (True, True): "Bold Oblique"}[(bold, italic)]
            )
            for bold in (False, True)
            for italic in (False, True)
        }
        regular = self.mono_faces[(False, False)]
        if regular is None:
            sys.exit("ansi2png: DejaVu Sans Mono not found (apt-get install fonts-dejavu-core)")
        self.cjk_faces = {
            False: self._find("Noto Sans Mono CJK SC", "Noto Sans CJK SC"),
            True: self._find("Noto Sans Mono CJK SC:bold", "Noto Sans CJK SC:bold"),
        }
        self.emoji_face = self._find("Noto Color Emoji")
        self.mono = self.load(regular)
        ascent, descent = self.mono.getmetrics()
        self.ascent = ascent
        self.cell_width = round(self.mono.getlength("M"))
        self.cell_height = ascent + descent + max(1, size // 8)
        self.baseline = ascent + max(1, size // 16)
        self.emoji_images: dict[str, Image.Image | None] = {}
        self.fallbacks: dict[str, tuple[str, int] | None] = {}

    @staticmethod
    def _find(*patterns: str) -> tuple[str, int] | None:
        """The face of the first pattern whose family fontconfig really has (it never says no)."""
        for pattern in patterns:
            found = fc_match_family(pattern)
            if found and pattern.split(":")[0].lower() in found[2]:
                return found[0], found[1]
        return None

    @functools.lru_cache(maxsize=64)
    def load(self, face: tuple[str, int], size: int | None = None) -> ImageFont.FreeTypeFont:
        return ImageFont.truetype(face[0], size or self.size, index=face[1], layout_engine=ImageFont.Layout.RAQM)

    def face_for(self, char: str, bold: bool, italic: bool) -> tuple[str, int] | None:
        """The face that draws a non-emoji character: DejaVu Sans Mono, Noto CJK, else fontconfig's pick."""
        mono = self.mono_faces[(bold, italic)] or self.mono_faces[(bold, False)] or self.mono_faces[(False, False)]
        if covers(mono, char):
            return mono
        cjk = self.cjk_faces[bold] or self.cjk_faces[False]
        if covers(cjk, char):
            return cjk
        if char not in self.fallbacks:
            face = fc_match(f"monospace:charset={ord(char):x}")
            self.fallbacks[char] = face if covers(face, char) else None
        return self.fallbacks[char]

    def is_emoji(self, cell_text: str, width: int) -> bool:
        first = cell_text[0]
        if not covers(self.emoji_face, first):
            return False
        if VARIATION_SELECTOR_16 in cell_text or ZERO_WIDTH_JOINER in cell_text or is_regional_indicator(first):
            return True
        if 0x1F3FB <= ord(first) <= 0x1F3FF:  # skin tone modifier on its own
            return True
        return width == 2 and not is_cjk(first)

    def emoji(self, text: str) -> Image.Image | None:
        """The emoji sequence drawn at 109 px in colour, cropped to its pixels (cached)."""
        if text not in self.emoji_images:
            self.emoji_images[text] = self._render_emoji(text)
        return self.emoji_images[text]

    def _render_emoji(self, text: str) -> Image.Image | None:
        if self.emoji_face is None:
            return None
        try:
            font = self.load(self.emoji_face, self.EMOJI_SIZE)
        except OSError:
            return None
        canvas = Image.new("RGBA", (self.EMOJI_SIZE * 3, self.EMOJI_SIZE * 2), (0, 0, 0, 0))
        ImageDraw.Draw(canvas).text((8, 8), text, font=font, embedded_color=True)
        box = canvas.getbbox()
        return canvas.crop(box) if box else None


# ---------------------------------------------------------------------------------------------
# Box drawing and blocks, drawn as shapes so they join across cells
# ---------------------------------------------------------------------------------------------

# Per character: weights of the (up, right, down, left) arms: 1 light, 2 heavy. Lines that mix
# single and double strokes are left to the font.
_BOX_SPECS = {
    "─": "0101", "━": "0202", "│": "1010", "┃": "2020", "┌": "0110", "┏": "0220", "┐": "0011", "┓": "0022",
    "└": "1100", "┗": "2200", "┘": "1001", "┛": "2002", "├": "1110", "┣": "2220", "┤": "1011", "┫": "2022",
    "┬": "0111", "┳": "0222", "┴": "1101", "┻": "2202", "┼": "1111", "╋": "2222", "╴": "0001", "╵": "1000",
    "╶": "0100", "╷": "0010", "╸": "0002", "╹": "2000", "╺": "0200", "╻": "0020", "┝": "1210", "┥": "1012",
    "┯": "0212", "┷": "1202", "┿": "1212", "┍": "0210", "┑": "0012", "┕": "1200", "┙": "1002", "┎": "0120",
    "┒": "0021", "┖": "2100", "┚": "2001", "┠": "2120", "┨": "2021", "┰": "0121", "┸": "2101", "╂": "2121",
}
BOX = {char: tuple(int(weight) for weight in spec) for char, spec in _BOX_SPECS.items()}
# Pure double lines as strokes: h(y, from, to) or v(x, from, to), with a/b the left/right vertical
# strokes, p/q the upper/lower horizontal strokes, L/R/T/B the cell's edges.
DOUBLE = {
    "═": "hpLR hqLR", "║": "vaTB vbTB",
    "╔": "hpaR vapB hqbR vbqB", "╗": "hpLb vbpB hqLa vaqB", "╚": "hqaR vaTq hpbR vbTp", "╝": "hqLb vbTq hpLa vaTp",
    "╠": "vaTB vbTp vbqB hpbR hqbR", "╣": "vbTB vaTp vaqB hpLa hqLa",
    "╦": "hpLR hqLa hqbR vaqB vbqB", "╩": "hqLR hpLa hpbR vaTp vbTp",
    "╬": "hpLa hpbR hqLa hqbR vaTp vaqB vbTp vbqB",
}
ROUNDED = {"╭": (0, 1, 1, 0), "╮": (0, 0, 1, 1), "╯": (1, 0, 0, 1), "╰": (1, 1, 0, 0)}
DASHED = {"┄": ("h", 3, 1), "┅": ("h", 3, 2), "┈": ("h", 4, 1), "┉": ("h", 4, 2), "╌": ("h", 2, 1),
          "╍": ("h", 2, 2), "┆": ("v", 3, 1), "┇": ("v", 3, 2), "┊": ("v", 4, 1), "┋": ("v", 4, 2),
          "╎": ("v", 2, 1), "╏": ("v", 2, 2)}
SHADES = {"░": 0.25, "▒": 0.5, "▓": 0.75}


def is_drawn_shape(char: str) -> bool:
    code = ord(char)
    return char in BOX or char in DOUBLE or char in ROUNDED or char in DASHED or 0x2580 <= code <= 0x259F


def draw_shape(draw: ImageDraw.ImageDraw, char: str, x: int, y: int, w: int, h: int, fg: Color, bg: Color,
               size: int) -> bool:
    """Draws a box drawing or block character filling its cell; False if it is not one."""
    light = max(1, round(size / 14))
    heavy = max(light + 1, round(size / 7))
    cx, cy = x + (w - light) // 2, y + (h - light) // 2  # top-left of a light line through the centre
    if char in DOUBLE:
        gap = max(1, round(size / 9))  # distance of each stroke from the centre line
        where = {"L": x, "R": x + w - 1, "T": y, "B": y + h - 1, "a": cx - gap, "b": cx + gap, "p": cy - gap,
                 "q": cy + gap}
        for stroke in DOUBLE[char].split():
            direction, at, start, end = stroke[0], where[stroke[1]], where[stroke[2]], where[stroke[3]]
            end = min(end + light - 1, x + w - 1 if direction == "h" else y + h - 1)
            if direction == "h":
                draw.rectangle([start, at, end, at + light - 1], fill=fg)
            else:
                draw.rectangle([at, start, at + light - 1, end], fill=fg)
        return True
    if char in BOX:
        up, right, down, left = BOX[char]

        def thickness(weight: int) -> int:
            return 0 if weight == 0 else heavy if weight == 2 else light

        def stroke_edges(weight: int, origin: int, extent: int) -> tuple[int, int]:
            """First and last pixel of a stroke of this weight centred in [origin, origin + extent)."""
            t = thickness(weight) or light
            first = origin + (extent - t) // 2
            return first, first + t - 1

        across_v = max(up, down)  # the vertical stroke that horizontal arms meet
        across_h = max(left, right)
        h_top, h_bottom = stroke_edges(across_h, y, h)
        v_left, v_right = stroke_edges(across_v, x, w)
        # Arms reach the far side of the stroke they meet, so corners and junctions close.
        if left:
            top, bottom = stroke_edges(left, y, h)
            draw.rectangle([x, top, v_right, bottom], fill=fg)
        if right:
            top, bottom = stroke_edges(right, y, h)
            draw.rectangle([v_left, top, x + w - 1, bottom], fill=fg)
        if up:
            first, last = stroke_edges(up, x, w)
            draw.rectangle([first, y, last, h_bottom], fill=fg)
        if down:
            first, last = stroke_edges(down, x, w)
            draw.rectangle([first, h_top, last, y + h - 1], fill=fg)
        return True
    if char in ROUNDED:
        up, right, down, left = ROUNDED[char]
        radius = min(w, h) // 2
        lx, ly = x + (w - light) // 2, y + (h - light) // 2
        ccx = lx + (radius if right else -radius)
        ccy = ly + (radius if down else -radius)
        box = [ccx - radius, ccy - radius, ccx + radius + light - 1, ccy + radius + light - 1]
        start = {(1, 1): 180, (0, 1): 270, (0, 0): 0, (1, 0): 90}[(right, down)]
        draw.arc(box, start, start + 90, fill=fg, width=light)
        if right:
            draw.rectangle([ccx, ly, x + w - 1, ly + light - 1], fill=fg)
        else:
            draw.rectangle([x, ly, ccx + light - 1, ly + light - 1], fill=fg)
        if down:
            draw.rectangle([lx, ccy, lx + light - 1, y + h - 1], fill=fg)
        else:
            draw.rectangle([lx, y, lx + light - 1, ccy + light - 1], fill=fg)
        return True
    if char in DASHED:
        direction, count, weight = DASHED[char]
        thickness = heavy if weight == 2 else light
        length = w if direction == "h" else h
        step = length / count
        for index in range(count):
            start = round(index * step)
            end = round(index * step + step * 0.6)
            if direction == "h":
                top = y + (h - thickness) // 2
                draw.rectangle([x + start, top, x + end, top + thickness - 1], fill=fg)
            else:
                lft = x + (w - thickness) // 2
                draw.rectangle([lft, y + start, lft + thickness - 1, y + end], fill=fg)
        return True
    code = ord(char)
    if not 0x2580 <= code <= 0x259F:
        return False
    if char in SHADES:
        draw.rectangle([x, y, x + w - 1, y + h - 1], fill=blend(bg, fg, SHADES[char]))
        return True
    if char == "▀":
        draw.rectangle([x, y, x + w - 1, y + h // 2 - 1], fill=fg)
    elif 0x2581 <= code <= 0x2588:  # lower eighths up to the full block
        filled = round(h * (code - 0x2580) / 8)
        draw.rectangle([x, y + h - filled, x + w - 1, y + h - 1], fill=fg)
    elif 0x2589 <= code <= 0x258F:  # left seven eighths down to one eighth
        filled = max(1, round(w * (0x2590 - code) / 8))
        draw.rectangle([x, y, x + filled - 1, y + h - 1], fill=fg)
    elif char == "▐":
        draw.rectangle([x + w // 2, y, x + w - 1, y + h - 1], fill=fg)
    elif char == "▔":
        draw.rectangle([x, y, x + w - 1, y + max(1, h // 8) - 1], fill=fg)
    elif char == "▕":
        draw.rectangle([x + w - max(1, w // 8), y, x + w - 1, y + h - 1], fill=fg)
    else:  # quadrants ▖..▟
        quadrants = {"▖": "0010", "▗": "0001", "▘": "1000", "▙": "1011", "▚": "1001", "▛": "1110",
                     "▜": "1101", "▝": "0100", "▞": "0110", "▟": "0111"}.get(char, "1111")
        halves = [(x, y, x + w // 2, y + h // 2), (x + w // 2, y, x + w, y + h // 2),
                  (x, y + h // 2, x + w // 2, y + h), (x + w // 2, y + h // 2, x + w, y + h)]
        for on, (left, top, right, bottom) in zip(quadrants, halves):
            if on == "1":
                draw.rectangle([left, top, right - 1, bottom - 1], fill=fg)
    return True


# ---------------------------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------------------------


def render_grid(screen: Screen, fonts: Fonts, cursor: tuple[int, int] | None) -> Image.Image:
    cw, ch = fonts.cell_width, fonts.cell_height
    image = Image.new("RGB", (screen.cols * cw, screen.rows * ch), DEFAULT_BG)
    draw = ImageDraw.Draw(image)

    # Backgrounds first, so glyphs that overhang a little are not cut by the next cell's background.
    for row, cells in enumerate(screen.grid):
        for col, cell in enumerate(cells):
            if cell is None:
                continue
            style = cell.style
            if cursor == (col, row):
                style = replace(style, reverse=not style.reverse)
            _, bg = style.colors()
            if bg != DEFAULT_BG:
                draw.rectangle([col * cw, row * ch, (col + cell.width) * cw - 1, (row + 1) * ch - 1], fill=bg)

    for row, cells in enumerate(screen.grid):
        col = 0
        while col < screen.cols:
            cell = cells[col]
            if cell is None:
                col += 1
                continue
            style = cell.style
            if cursor == (col, row):
                style = replace(style, reverse=not style.reverse)
            fg, bg = style.colors()
            x, y = col * cw, row * ch
            span = cell.width
            text = cell.text
            # A flag is two regional indicators, which tmux keeps in two one-cell cells: draw them as one.
            if (
                is_regional_indicator(text[0])
                and col + 1 < screen.cols
                and (pair := cells[col + 1]) is not None
                and is_regional_indicator(pair.text[0])
                and pair.style == cell.style
            ):
                text, span = text + pair.text, 2
            if not style.hidden and text != " ":
                draw_cell_text(image, draw, fonts, text, span, style, x, y, fg, bg)
            if style.underline:
                top = y + fonts.baseline + max(1, fonts.size // 10)
                draw.rectangle([x, top, x + span * cw - 1, top + max(1, fonts.size // 14) - 1], fill=fg)
            if style.strike:
                top = y + fonts.baseline - round(fonts.ascent * 0.35)
                draw.rectangle([x, top, x + span * cw - 1, top + max(1, fonts.size // 14) - 1], fill=fg)
            col += span
    return image


def draw_cell_text(image: Image.Image, draw: ImageDraw.ImageDraw, fonts: Fonts, text: str, span: int,
                   style: Style, x: int, y: int, fg: Color, bg: Color) -> None:
    cw, ch = fonts.cell_width, fonts.cell_height
    width = span * cw
    first = text[0]
    if len(text) == 1 and is_drawn_shape(first):
        draw_shape(draw, first, x, y, width, ch, fg, bg, fonts.size)
        return
    if fonts.is_emoji(text, span):
        emoji = fonts.emoji(text) or fonts.emoji(first)
        if emoji is not None:
            scale = min((width - 1) / emoji.width, (ch * 0.92) / emoji.height)
            size = (max(1, round(emoji.width * scale)), max(1, round(emoji.height * scale)))
            glyph = emoji.resize(size, Image.LANCZOS)
            if style.dim:
                glyph.putalpha(glyph.getchannel("A").point(lambda alpha: alpha // 2))
            image.paste(glyph, (x + (width - size[0]) // 2, y + (ch - size[1]) // 2), glyph)
            return
    face = fonts.face_for(first, style.bold, style.italic)
    if face is None:  # nothing can draw it: a hollow box, as terminals do
        draw.rectangle([x + 1, y + 2, x + width - 2, y + ch - 3], outline=fg)
        return
    font = fonts.load(face)
    advance = font.getlength(text)
    if advance > width:  # a proportional fallback glyph wider than its cells: shrink it
        font = fonts.load(face, max(6, int(fonts.size * width / advance)))
        advance = font.getlength(text)
    offset = (width - advance) / 2 if face not in fonts.mono_faces.values() else 0
    draw.text((x + offset, y + fonts.baseline), text, font=font, fill=fg, anchor="ls")


def frame(grid: Image.Image, title: str, size: int) -> Image.Image:
    """The grid inside a window with a title bar, rounded corners and a soft shadow."""
    padding = max(8, size * 3 // 4)
    bar = max(24, round(size * 1.9))
    margin = max(16, size * 2)
    radius = max(6, size // 2)
    window_w = grid.width + 2 * padding
    window_h = grid.height + 2 * padding + bar
    out = Image.new("RGBA", (window_w + 2 * margin, window_h + 2 * margin), (0, 0, 0, 0))

    shadow = Image.new("RGBA", out.size, (0, 0, 0, 0))
    ImageDraw.Draw(shadow).rounded_rectangle(
        [margin, margin + size // 3, margin + window_w - 1, margin + window_h - 1 + size // 3], radius,
        fill=(0, 0, 0, 150))
    out = Image.alpha_composite(out, shadow.filter(ImageFilter.GaussianBlur(margin / 2.5)))

    window = Image.new("RGBA", (window_w, window_h), (0, 0, 0, 0))
    mask = Image.new("L", window.size, 0)
    ImageDraw.Draw(mask).rounded_rectangle([0, 0, window_w - 1, window_h - 1], radius, fill=255)
    body = Image.new("RGBA", window.size, DEFAULT_BG + (255,))
    draw = ImageDraw.Draw(body)
    draw.rectangle([0, 0, window_w - 1, bar - 1], fill=TITLE_BAR)
    draw.line([0, bar - 1, window_w - 1, bar - 1], fill=blend(TITLE_BAR, (0, 0, 0), 0.35))
    dot = max(5, bar // 4)
    for index, color in enumerate(WINDOW_BUTTONS):
        cx = padding + dot + index * dot * 3
        draw.ellipse([cx - dot, bar // 2 - dot, cx + dot, bar // 2 + dot], fill=color)
    if title:
        title_face = fc_match("DejaVu Sans") or fc_match("sans")
        if title_face:
            font = ImageFont.truetype(title_face[0], max(10, round(size * 0.8)), index=title_face[1],
                                      layout_engine=ImageFont.Layout.RAQM)
            draw.text((window_w / 2, bar / 2), title, font=font, fill=TITLE_TEXT, anchor="mm")
    body.paste(grid, (padding, bar + padding))
    window.paste(body, (0, 0), mask)
    ImageDraw.Draw(window).rounded_rectangle([0, 0, window_w - 1, window_h - 1], radius,
                                             outline=(0x3A, 0x3E, 0x48, 255))
    out.alpha_composite(window, (margin, margin))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render `tmux capture-pane -p -e` output as a terminal PNG.")
    parser.add_argument("--cols", type=int, required=True, help="pane width in cells")
    parser.add_argument("--rows", type=int, required=True, help="pane height in cells")
    parser.add_argument("--title", default="", help="window title (default: none)")
    parser.add_argument("--cursor", help="draw a block cursor at COL,ROW (0-based), as tmux's cursor_x,cursor_y")
    parser.add_argument("--font-size", type=int, default=16, help="font size in pixels (default 16)")
    parser.add_argument("--no-frame", action="store_true", help="only the terminal cells, with a little padding")
    parser.add_argument("input", help="the capture (- for standard input)")
    parser.add_argument("output", help="the PNG to write")
    args = parser.parse_args(argv)
    if args.cols < 1 or args.rows < 1:
        parser.error("--cols and --rows must be positive")

    data = sys.stdin.buffer.read() if args.input == "-" else open(args.input, "rb").read()
    screen = parse(data.decode("utf-8", errors="replace"), args.cols, args.rows)
    for warning in screen.warnings[:5]:
        print(f"ansi2png: warning: {warning}", file=sys.stderr)

    cursor = None
    if args.cursor:
        try:
            col, row = (int(value) for value in args.cursor.split(","))
            cursor = (col, row)
        except ValueError:
            parser.error("--cursor wants COL,ROW")

    fonts = Fonts(args.font_size)
    grid = render_grid(screen, fonts, cursor)
    if args.no_frame:
        padding = max(8, args.font_size // 2)
        image = Image.new("RGB", (grid.width + 2 * padding, grid.height + 2 * padding), DEFAULT_BG)
        image.paste(grid, (padding, padding))
    else:
        image = frame(grid, args.title, args.font_size)
    image.save(args.output, optimize=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
