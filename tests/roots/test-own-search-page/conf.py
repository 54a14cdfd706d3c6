"""tests/roots/test-emergency's project in a theme that writes no search page and
answers ``?q=`` on any page with a search of its own, as sphinx-immaterial does (built
with ``-c`` pointing here): the extension writes the search page itself."""

import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
exec((_HERE.parent / "test-emergency" / "conf.py").read_text())  # noqa: S102
sys.path.insert(0, str(_HERE))

extensions = [*extensions, "no_search_page"]  # type: ignore[name-defined]  # noqa: F821
html_theme = "header_search"
html_theme_path = ["_themes"]
