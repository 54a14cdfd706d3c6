"""What an independent check (helper h32) found failing adopters, authors and plugin
writers, each a case outside the plan: a test per failure, written before its fix."""

from __future__ import annotations

from pathlib import Path

from tests.build_utils import build, write_project

MYST_CONF = """\
extensions = ["myst_parser", "sphinx_crawl"]
myst_enable_extensions = ["colon_fence"]
crawl_sources = {"nhs": {"title": "Baby development", "publisher": "NHS"}}
"""

#: YAML lists written a line an item, as YAML is most often written.
BLOCK_LISTS = """\
# Lists a line an item

```{tip-card} Bare knees
---
id: bare-knees
tags:
  - surfaces
  - "clothing"
source:
  - nhs
keywords:
  - slippery floor
  - stiff legs
helps:
  - hands-knees
---
Take the socks off.
```

:::{milestone} Hands and knees
:id: hands-knees
:age: 8-10 months
:source: nhs

Belly off the floor.
:::

```{crawl-list}
---
type:
  - tip
tags:
  - clothing
---
```
"""


def test_a_yaml_list_written_a_line_an_item_gives_its_items(tmp_path: Path) -> None:
    """MyST's ``---`` option block folds a block list (``tags:`` then ``- surfaces`` and
    ``- clothing``) into the text ``- surfaces - clothing``. The tip had one tag,
    "- surfaces - clothing" (in crawl.json, the lists, the search) and no warning; its
    ``source`` was "unknown source '- nhs'", its link "'- hands-knees' names no entry",
    and the ``crawl-list`` filtering on them listed nothing. Now each item is one value,
    as in the ``[a, b]`` form."""
    site = build(write_project(tmp_path / "src", {"conf.py": MYST_CONF, "index.md": BLOCK_LISTS}))
    assert site.crawl_warnings() == []
    entries = {entry["id"]: entry for entry in site.crawl_json()["entries"]}
    tip = entries["bare-knees"]
    assert tip["tags"] == ["surfaces", "clothing"]
    assert tip["sources"] == ["nhs"]
    assert tip["keywords"] == ["slippery floor", "stiff legs"]
    assert tip["relations"] == {"helps": ["hands-knees"]}
    listed = site.main("index").select(".crawl-list a[href]")
    assert [link.get_text(strip=True) for link in listed] == ["Bare knees"]
