"""What the app's screens show, as the end-to-end tests recognise them, and what a clean exit
leaves in the terminal."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from tests.e2e.tmux import Screen

TITLE = "國務院關於積極推進「互聯網+」行動的指導意見 — 國發〔2015〕40號"
"""The header at 100 columns."""
PART_ONE = "一、行動要求"
FIRST_PAGE = "各省、自治區、直轄市人民政府"
"""The detail pane's first page (the document's front matter)."""
FOOTER = "q Quit"


def first_screen(screen: Screen) -> bool:
    """The whole first screen of a wide terminal: header, sidebar, first page, footer."""
    return screen.has(TITLE, PART_ONE, FIRST_PAGE, FOOTER) and "Palette" in screen.lines[-1]


def detail_shows(text: str) -> Callable[[Screen], bool]:
    """A test for text at the start of a detail-pane row (right of the sidebar's edge)."""
    pattern = re.compile(r"▕ +" + re.escape(text))
    return lambda screen: bool(pattern.search(screen.text))


#: DEC private modes that must be off (l) when the app has gone, if it ever set them:
#: alternate screen, mouse reporting, focus events, bracketed paste, app cursor keys, sync.
MODES_OFF = {"1", "1000", "1002", "1003", "1004", "1005", "1006", "1015", "1049", "2004", "2026"}
#: ... and those that must be back on (h): cursor visible, autowrap.
MODES_ON = {"25", "7"}


def leftover_modes(output: bytes) -> list[str]:
    """Terminal modes the output leaves set that a shell would suffer from."""
    last: dict[str, str] = {}
    for params, action in re.findall(rb"\x1b\[\?([0-9;]+)([hl])", output):
        for mode in params.decode().split(";"):
            last[mode] = action.decode()
    left = [f"?{m}h" for m, a in last.items() if m in MODES_OFF and a == "h"]
    left += [f"?{m}l" for m, a in last.items() if m in MODES_ON and a == "l"]
    pushed = len(re.findall(rb"\x1b\[>[0-9]*u", output))  # kitty keyboard protocol
    popped = len(re.findall(rb"\x1b\[<[0-9]*u", output))
    if pushed > popped:
        left.append(f"kitty keyboard flags pushed {pushed}, popped {popped}")
    return left


def colours(output: bytes) -> set[str]:
    """Which colour encodings the output uses: "16", "256", "24-bit"."""
    found = set()
    for params in re.findall(rb"\x1b\[([0-9;]*)m", output):
        codes = params.split(b";")
        if re.search(rb"(^|;)[34]8;2;", params):
            found.add("24-bit")
        elif re.search(rb"(^|;)[34]8;5;", params):
            found.add("256")
        elif any(re.fullmatch(rb"3[0-7]|4[0-7]|9[0-7]|10[0-7]", c) for c in codes):
            found.add("16")
    return found


def first_row_of(output: bytes, text: str) -> int | None:
    """The screen row the first drawing of text went to (from the cursor move before it)."""
    at = output.find(text.encode("utf-8"))
    if at < 0:
        return None
    moves = re.findall(rb"\x1b\[(\d+);\d+H", output[:at])
    return int(moves[-1]) if moves else None


def osc52(output: bytes) -> list[str]:
    """What the output put on the clipboard with OSC 52 (base64 payloads)."""
    return [m.decode() for m in re.findall(rb"\x1b\]52;[a-z]*;([A-Za-z0-9+/=]*)(?:\x07|\x1b\\)",
                                           output)]


_CELL = re.compile(r"\x1b\[([0-9;]*)m|([^\x1b])")


def reversed_cells(row: str) -> list[tuple[int, str]]:
    """The (column, character) of every reverse-video cell in one `capture-pane -e` row: how
    Textual draws an Input's cursor (it is not the terminal's own cursor)."""
    cells: list[tuple[int, str]] = []
    column, reverse = 0, False
    for match in _CELL.finditer(row):
        params, char = match.groups()
        if char is None:
            codes = (params or "0").split(";")
            i = 0
            while i < len(codes):
                if codes[i] in ("38", "48"):  # an extended colour: skip its arguments
                    i += 3 if codes[i + 1:i + 2] == ["5"] else 5
                    continue
                if codes[i] in ("", "0", "27"):
                    reverse = False
                elif codes[i] == "7":
                    reverse = True
                i += 1
            continue
        if reverse:
            cells.append((column, char))
        column += 2 if unicodedata.east_asian_width(char) in "WF" else 1
    return cells


def column_of(row: str, text: str) -> int:
    """The screen column where text starts in a plain row (wide characters count two)."""
    before = row[:row.index(text)]
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in before)
