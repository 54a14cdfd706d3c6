"""The entry search index file: its encoding, read back exactly, and its postings."""

from __future__ import annotations

import base64

from hypothesis import given
from hypothesis import strategies as st

from sphinx_crawl.render.postings import GAP_DIGITS, encode_postings, gap_code
from sphinx_crawl.render.search import _script, words
from sphinx_crawl.render.search_words import search_vocabulary
from tests.build_utils import read_search_index

HOSTILE = [
    'It\'s "quoted" \\ back\\slash',
    "</script><script>alert(1)</script>",
    "line\nbreak\r\u2028\u2029 separators",
    "caf\u00e9 \U0001f476 \x00",
]


def test_the_index_reads_back_exactly_and_cannot_end_its_script() -> None:
    payload = {"entries": [[title, 0, "a", -1, -1, -1] for title in HOSTILE], "n": 1.5}
    text = _script("window.crawlSearchIndex", payload)
    assert read_search_index(text) == payload
    body = text.removeprefix("window.crawlSearchIndex = ")
    assert "</" not in body
    assert "\n" not in body.rstrip("\n")
    assert "\u2028" not in body


def _decode(code: str, total: int) -> list[int]:
    """What crawl-search.js's entriesOf() does, for the test: gaps or a bitmap."""
    if code.startswith("~"):
        data = base64.b64decode(code[1:] + "=" * (-len(code[1:]) % 4))
        return [n for n in range(total) if data[n >> 3] >> (n & 7) & 1]
    found, position, value = [], 0, 0
    for char in code:
        digit = GAP_DIGITS.index(char)
        if digit >= 32:
            value = value * 32 + digit - 32
        else:
            position += value * 32 + digit
            found.append(position)
            value = 0
    return found


@given(
    st.integers(1, 3000).flatmap(
        lambda total: st.tuples(st.just(total), st.sets(st.integers(0, total - 1), min_size=1))
    )
)
def test_postings_round_trip_in_the_shorter_form(case: tuple[int, set[int]]) -> None:
    total, positions = case
    ordered = sorted(positions)
    code = encode_postings(ordered, total)
    assert _decode(code, total) == ordered
    # Whichever form is written is the shorter of the two; a gap below 32 is one
    # character, with no separator.
    gaps = "".join(gap_code(b - a) for a, b in zip([0, *ordered], ordered, strict=False))
    assert len(code) <= len(gaps)
    assert len(code) <= 1 + (4 * ((total + 7) // 8) + 2) // 3
    assert all(len(gap_code(n)) == 1 for n in range(32))


def test_a_gap_s_digits_need_no_escape_in_a_part() -> None:
    """A part is JSON in a single-quoted JavaScript string: no quote, backslash or "<"."""
    assert len(set(GAP_DIGITS)) == 64
    assert not set(GAP_DIGITS) & set("'\"<>&~,")
    assert [gap_code(n) for n in (0, 31, 32, 37, 1023, 1024, 40000)] == [
        "0", "v", "x0", "x5", "_v", "xw0", "xDy0"
    ]  # fmt: skip


def test_words_split_as_crawl_js_splits_them() -> None:
    assert words("Baby's little one won\u2019t CRAWL-forwards, 12 months") == [
        "babys",
        "wont",
        "crawl",
        "forwards",
        "12",
        "months",
    ]


def test_spanish_stop_words_are_sphinx_s_but_intent_words_stay() -> None:
    """Sphinx 7.3+ names most languages' classes by import path: read as a class, it had
    no stop words, and the Spanish index and queries kept "de", "la", "mi", so "no puedo
    más con mi bebé" and "tiene la piel amarilla" matched entries on those alone."""
    stop, intent = search_vocabulary("es")
    assert {"de", "la", "mi", "con", "tiene", "más"} <= stop
    # Words that say what the parent means stay: a negation, a question, "no longer".
    assert not {"no", "cuando", "antes", "puede", "dejó", "ya"} & stop
    assert "no" in intent["negation"]
    assert {"le", "la", "et"} <= search_vocabulary("fr")[0]
