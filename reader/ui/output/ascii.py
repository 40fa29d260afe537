"""ASCII stand-ins for every character, of the same width in cells, so a
screen laid out for UTF-8 stays aligned on a terminal whose locale is not
(box drawing becomes + - |, arrows < > ^ v, accented letters their base)."""
from __future__ import annotations

import unicodedata
from functools import lru_cache


_ASCII_FOR = {
    "\u2190": "<", "\u2191": "^", "\u2192": ">", "\u2193": "v", "\u2194": "-", "\u2195": "|",
    "\u2022": "*", "\u2023": ">", "\u2043": "-", "\u00b7": ".", "\u2219": ".", "\u2026": ".",
    "\u00d7": "x", "\u2713": "v", "\u2714": "v", "\u2717": "x", "\u2718": "x",
    "\u2018": "'", "\u2019": "'", "\u201a": ",", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"', "\u2039": "<", "\u203a": ">", "\u2212": "-",
    "\u00ad": "-", "\u00a9": "c", "\u00ae": "r", "\u00b0": "o", "\u00a7": "S", "\u00b6": "P",
    "\u20ac": "E", "\u00a3": "L", "\u00a5": "Y", "\u00a2": "c", "\u00df": "s", "\u00e6": "a",
    "\u00c6": "A", "\u0153": "o", "\u0152": "O", "\u00f8": "o", "\u00d8": "O", "\u0142": "l",
    "\u0141": "L", "\u0111": "d", "\u0110": "D", "\u00f0": "d", "\u00de": "P", "\u00fe": "p",
    "\u0131": "i", "\u00bf": "?", "\u00a1": "!",
}


def to_ascii(text: str) -> str:
    """`text` with every non-ASCII character replaced by ASCII of the same
    width in cells, so whatever was laid out for UTF-8 stays aligned."""
    if text.isascii():
        return text
    return text.translate(_TABLE)


class _AsciiTable(dict):
    """str.translate table that works out (and keeps) each character's stand-in."""

    def __missing__(self, code: int) -> str:
        value = _ascii_for(chr(code))
        if len(self) < 8192:
            self[code] = value
        return value


_TABLE = _AsciiTable({code: code for code in range(128)})


@lru_cache(maxsize=None)
def cell_width(char: str) -> int:
    from rich.cells import get_character_cell_size  # rich is loaded with textual already

    return get_character_cell_size(char)


def _ascii_for(char: str) -> str:
    width = cell_width(char)
    if width <= 0 or unicodedata.category(char) in ("Mn", "Me", "Cf", "Cc"):
        return ""
    stand_in = (_ASCII_FOR.get(char) or _by_name(char) or _decomposed(char)
                or ("?" if unicodedata.category(char)[0] != "Z" else " "))
    return (stand_in * width)[:width] if len(stand_in) < width else stand_in[:width]


def _by_name(char: str) -> str:
    name = unicodedata.name(char, "")
    if name.startswith("BOX DRAWINGS"):
        if "DIAGONAL CROSS" in name:
            return "X"
        if "DIAGONAL" in name:
            return "/" if "UPPER RIGHT TO LOWER LEFT" in name else "\\"
        across = "HORIZONTAL" in name or "LEFT" in name or "RIGHT" in name
        down = "VERTICAL" in name or " UP" in name or "DOWN" in name
        return "-" if across and not down else "|" if down and not across else "+"
    if "BLOCK" in name or "SHADE" in name or "QUADRANT" in name:
        if "FULL" in name or "SHADE" in name or "QUADRANT" in name:
            return "#"
        return "|" if ("LEFT" in name or "RIGHT" in name) else " "
    for word, stand_in in (("ARROW", None), ("TRIANGLE", None), ("POINTER", None)):
        if word in name:
            return ("<" if "LEFT" in name else ">" if "RIGHT" in name else
                    "^" if "UP" in name else "v" if "DOWN" in name else "*")
    if "BULLET" in name or "STAR" in name or "ASTERISK" in name:
        return "*"
    if "CIRCLE" in name:
        return "o"
    if "SQUARE" in name or "DIAMOND" in name or "LOZENGE" in name or "RECTANGLE" in name:
        return "#"
    if "DASH" in name or "HYPHEN" in name:
        return "-"
    if "QUOTATION MARK" in name:
        return '"'
    if "APOSTROPHE" in name or "PRIME" in name:
        return "'"
    if "ELLIPSIS" in name:
        return "."
    return ""


def _decomposed(char: str) -> str:
    base = "".join(part for part in unicodedata.normalize("NFKD", char)
                   if not unicodedata.combining(part))
    return base if base and base.isascii() and base.isprintable() else ""
