"""Reading built output the way a user sees it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from sphinx.application import Sphinx

_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def html(app: Sphinx, page: str) -> BeautifulSoup:
    return BeautifulSoup(
        (Path(app.outdir) / f"{page}.html").read_text(encoding="utf-8"), "html.parser"
    )


def body(app: Sphinx, page: str) -> BeautifulSoup:
    """The page's main content, without theme chrome."""
    soup = html(app, page)
    return soup.find("div", {"role": "main"}) or soup.find("article") or soup  # type: ignore[return-value]


def warnings(app: Sphinx) -> list[str]:
    """Each warning line, colour codes stripped."""
    text = _ANSI.sub("", app.warning.getvalue())  # type: ignore[attr-defined]
    return [line for line in text.splitlines() if "WARNING" in line or "ERROR" in line]


def crawl_json(app: Sphinx) -> dict[str, Any]:
    return json.loads((Path(app.outdir) / "crawl.json").read_text(encoding="utf-8"))


def load_inventory(raw: bytes) -> Any:
    """objects.inv parsed alike on every supported Sphinx: ``.data[type][name]`` items with
    ``project_name``, ``project_version``, ``uri`` and ``display_name``."""
    from sphinx.util.inventory import InventoryFile

    if hasattr(InventoryFile, "loads"):  # Sphinx >= 8.2
        return InventoryFile.loads(raw, uri="")
    import io
    import posixpath
    from types import SimpleNamespace

    data = InventoryFile.load(io.BytesIO(raw), "", posixpath.join)
    return SimpleNamespace(
        data={
            objtype: {
                name: SimpleNamespace(project_name=p, project_version=v, uri=u, display_name=d)
                for name, (p, v, u, d) in items.items()
            }
            for objtype, items in data.items()
        }
    )
