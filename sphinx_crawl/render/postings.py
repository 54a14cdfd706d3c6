"""A word's entries as the entry search index writes them, and back: ascending positions
as gaps, each in base 32 with no separator ("5x5" is 5, then 37), or "~" and a bitmap in
base 64, whichever is shorter (crawl-search.js's ``entriesOf`` reads both). Written by
every build (render/search.py), read back when an edit patches the index kept from the
last build (search_kept.py).

A gap's last digit is one of the first 32 characters of :data:`GAP_DIGITS`, any digit
before it one of the other 32, so a gap ends where its last digit is. Most gaps are
below 32, one character each: the comma that separated gaps in base 36 ("3,1,a") took
as many bytes again (on the benchmark's 5,000 entries, a first query's word parts were
8% smaller gzipped).
"""

from __future__ import annotations

import base64

#: Digits of a gap: a last digit (value 0 to 31) from the first half, any other (value
#: 0 to 31 again) from the second. Characters that need no escape in JSON nor in the
#: single-quoted JavaScript string a part is written in.
GAP_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"
_LAST = GAP_DIGITS[:32]
_BEFORE = GAP_DIGITS[32:]
_VALUE = {char: n for n, char in enumerate(GAP_DIGITS)}
#: Every gap below 32 * 32, written once: most gaps between entries are small.
_GAPS = [(_BEFORE[n >> 5] if n >= 32 else "") + _LAST[n & 31] for n in range(1024)]


def gap_code(number: int) -> str:
    """One gap (0 or more) in base 32: the last digit from the first half of the
    digits, those before it from the second."""
    if number < 1024:
        return _GAPS[number]
    code = _LAST[number & 31]
    number >>= 5
    while number:
        code = _BEFORE[number & 31] + code
        number >>= 5
    return code


def encode_postings(positions: list[int], total: int) -> str:
    """Entry positions, ascending: their gaps (:func:`gap_code`) or "~" and a bitmap
    in base 64, whichever is shorter."""
    bitmap_chars = 1 + (4 * ((total + 7) // 8) + 2) // 3
    # Each gap takes a character at least: past that many, the bitmap is shorter.
    if len(positions) <= bitmap_chars:
        pairs = zip([0, *positions], positions, strict=False)
        gaps = "".join([gap_code(b - a) for a, b in pairs])
        if len(gaps) <= bitmap_chars:
            return gaps
    bits = bytearray((total + 7) // 8)
    for position in positions:
        bits[position >> 3] |= 1 << (position & 7)
    return "~" + base64.b64encode(bytes(bits)).decode("ascii").rstrip("=")


def decode_postings(text: str, total: int) -> list[int]:
    """The entry positions ``encode_postings`` wrote (gaps, or "~" and a bitmap)."""
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
    at = value = 0
    for char in text:
        digit = _VALUE[char]
        if digit >= 32:
            value = (value << 5) | (digit - 32)
        else:
            at += (value << 5) | digit
            positions.append(at)
            value = 0
    return positions
