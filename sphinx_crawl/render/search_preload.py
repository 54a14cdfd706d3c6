"""The search page asks for the parts of a split index its query needs at once.

crawl-search.js loads the word parts of a query (see search_shards) once it runs, after
the page is parsed and the deferred scripts before it have run: a round of requests
after the round that brought the page's scripts (on the benchmark's 5,000 entries, the
parts were asked for 75 ms after navigation, and arrived 20 ms later). A small script
at the top of the search page's ``<head>`` works out the same part names from the query
in the address, and preloads them beside the page's scripts; the search script's own
requests for them (the same addresses) then take the preloaded files.

It knows the words typed and the parents' synonyms of those words as typed (not by
stem: the page has no stemmer yet), and the ages part when the query has a digit; any
part it misses is loaded by crawl-search.js as before. It only ever saves a wait: a
preload never changes what the search shows.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sphinx_crawl.render.search_shards import AGES_PART, part_key

#: The script, with the part folder, the index's version, the word parts there are
#: (their keys, space-separated), and the synonyms' parts of each word that has some.
#: The words and their parts' names are worked out as crawl-search.js's ``words`` and
#: ``partOf`` do (a word's first three letters where a part has them, else two); keep
#: them in step.
_SCRIPT = """<script>(function (folder, version, present, synonyms, ages) {
  var query = new URLSearchParams(window.location.search).get("q");
  if (!query) return;
  var root = document.documentElement.dataset.content_root || "";
  var words = function (text) {
    return text.toLowerCase().replace(/['\\u2019]/g, "").replace(/\\blittle ones?\\b/g, " ")
      .split(/[^\\p{L}\\p{N}]+/u).filter(Boolean);
  };
  var hex = function (start) {
    return Array.from(new TextEncoder().encode(start), function (b) {
      return b.toString(16).padStart(2, "0");
    }).join("");
  };
  var have = new Set(present.split(" "));
  var key = function (word) {
    var folded = word.normalize("NFD").replace(/\\p{M}/gu, "");
    return have.has(hex(folded.slice(0, 3))) ? hex(folded.slice(0, 3)) : hex(folded.slice(0, 2));
  };
  var wanted = new Set();
  words(query).forEach(function (word) {
    wanted.add(key(word));
    (Object.hasOwn(synonyms, word) ? synonyms[word] : []).forEach(function (k) { wanted.add(k); });
  });
  var names = Array.from(wanted).filter(function (k) { return have.has(k); })
    .map(function (k) { return "w-" + k; });
  if (ages && /\\d/.test(query)) names.push(ages);
  names.forEach(function (name) {
    var link = document.createElement("link");
    link.rel = "preload";
    link.as = "script";
    link.href = root + folder + "/" + name + ".js?v=" + version;
    document.head.appendChild(link);
  });
})(%s);</script>"""


def preload_script(upfront: dict[str, Any], words: Callable[[str], list[str]]) -> str:
    """The script for a split index's up-front table (empty for an index in one file);
    ``words`` splits a synonym into words as the search does."""
    parts = upfront.get("parts")
    if not isinstance(parts, dict) or not parts.get("version"):
        return ""
    listed = parts.get("words", "")
    # The parts' first letters (an index of an earlier version listed the parts' keys).
    starts = set(listed.split()) if isinstance(listed, str) else set()
    present = [start.encode("utf-8").hex() for start in sorted(starts)] if starts else listed
    synonyms: dict[str, list[str]] = {}
    for word, alternatives in (upfront.get("synonyms") or {}).items():
        texts = [alternatives] if isinstance(alternatives, str) else alternatives
        keys = {part_key(w, starts) for text in texts for w in words(str(text))}
        if keys:
            synonyms[str(word).lower()] = sorted(keys)
    arguments = [
        parts.get("folder", ""),
        parts["version"],
        " ".join(present),
        synonyms,
        AGES_PART,
    ]
    text = ", ".join(json.dumps(value, ensure_ascii=True) for value in arguments)
    return _SCRIPT % text.replace("</", "<\\/")


_ESCAPE = re.compile(r"\\(u2028|u2029|.)", re.S)
_UNESCAPED = {"n": "\n", "r": "\r", "u2028": "\u2028", "u2029": "\u2029"}


def written_upfront(path: Path) -> dict[str, Any] | None:
    """The up-front table in a ``crawl-searchindex.js`` a finished build wrote (a build
    that reads no page writes none: the page still asks for the parts), or None."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return None
    start, end = text.find("JSON.parse('"), text.rfind("');")
    if start < 0 or end < start:
        return None
    quoted = text[start + len("JSON.parse('") : end]
    try:
        found = json.loads(_ESCAPE.sub(lambda m: _UNESCAPED.get(m[1], m[1]), quoted))
    except ValueError:
        return None
    return found if isinstance(found, dict) else None
