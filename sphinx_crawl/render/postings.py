"""A word's entries as the entry search index writes them, and back: ascending positions
as gaps in base 36 ("3,1,a"), or "~" and a bitmap in base 64, whichever is shorter
(crawl-search.js's ``entriesOf`` reads both). Written by every build (render/search.py),
read back when an edit patches the index kept from the last build (search_kept.py)."""

from __future__ import annotations

import base64

_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
#: Every number below 36 * 36 in base 36: most gaps between entries are small.
_BASE36 = [_DIGITS[n // 36] + _DIGITS[n % 36] if n >= 36 else _DIGITS[n] for n in range(1296)]


def _base36(number: int) -> str:
    if number < 1296:
        return _BASE36[number]
    out = ""
    while number:
        number, rest = divmod(number, 36)
        out = _DIGITS[rest] + out
    return out


def encode_postings(positions: list[int], total: int) -> str:
    """Entry positions, ascending: gaps in base 36 ("3,1,a") or a "~" + base-64 bitmap."""
    bitmap_chars = 1 + (4 * ((total + 7) // 8) + 2) // 3
    # Each gap takes at least a digit and a comma: past that length a bitmap is shorter.
    if 2 * len(positions) - 1 < bitmap_chars:
        gaps = ",".join(_base36(b - a) for a, b in zip([0, *positions], positions, strict=False))
        if len(gaps) <= bitmap_chars:
            return gaps
    bits = bytearray((total + 7) // 8)
    for position in positions:
        bits[position >> 3] |= 1 << (position & 7)
    return "~" + base64.b64encode(bytes(bits)).decode("ascii").rstrip("=")


def decode_postings(text: str, total: int) -> list[int]:
    """The entry positions ``encode_postings`` wrote (gaps in base 36, or "~" and a
    bitmap in base 64)."""
    if text.startswith("~"):
        data = base64.b64decode(text[1:] + "=" * (-(len(text) - 1) % 4))
        return [
            (byte_at << 3) | bit
            for byte_at, byte in enumerate(data)
            if byte
            for bit in range(8)
            if byte >> bit & 1 and (byte_at << 3) | bit < total
        ]
    positions: list[int] = []
    at = 0
    for gap in text.split(","):
        at += int(gap, 36)
        positions.append(at)
    return positions
