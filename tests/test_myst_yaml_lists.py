"""MyST's ``---`` option block invites YAML lists: ``tags: [surfaces, clothing]``,
``source: [nhs]``. They reach the directive as that text, and were read as
comma-separated values with the brackets kept: the tags ``[surfaces`` and ``clothing]``
(silently, in crawl.json, the lists and the search), ``unknown source '[nhs]'`` and a
link ``'[toys]' is not an entry id``; in a ``crawl-list``, ``type: [tip]`` was an
unknown type, and a ``crawl-extend`` with ``tags+: [floors]`` added the tag
``[floors]``. A YAML list now means its items."""

from __future__ import annotations

import pytest

from tests.build_utils import Build, build

PAGE = """\
# Lists in YAML

```{tip-card} Bare knees
---
id: bare-knees
tags: [surfaces, "clothing"]
source: [nhs]
keywords: ['slippery floor', stiff legs]
helps: [hands-knees]
---
Take the socks off.
```

:::{milestone} Hands and knees
:id: hands-knees
:age: 8-10 months
:tags: surfaces, movement
:source: nhs

Belly off the floor.
:::

```{crawl-extend}
---
ids: [bare-knees]
types: [tip]
tags+: [floors, "home"]
keywords+: [socks]
---
```

```{crawl-list}
---
type: [tip]
tags: ["clothing"]
---
```
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    src = tmp_path_factory.mktemp("yaml-lists") / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_crawl"]\nmyst_enable_extensions = ["colon_fence"]\n'
        'crawl_sources = {"nhs": {"title": "Baby development", "publisher": "NHS"}}\n',
        encoding="utf-8",
    )
    (src / "index.md").write_text(PAGE, encoding="utf-8")
    return build(src)


def test_a_yaml_list_gives_its_items(site: Build) -> None:
    assert site.crawl_warnings() == []
    entries = {entry["id"]: entry for entry in site.crawl_json()["entries"]}
    tip = entries["bare-knees"]
    assert tip["adapted"]["original"]["tags"] == ["surfaces", "clothing"]
    assert tip["tags"] == ["surfaces", "clothing", "floors", "home"]
    assert tip["sources"] == ["nhs"]
    assert tip["keywords"] == ["slippery floor", "stiff legs", "socks"]
    assert tip["relations"] == {"helps": ["hands-knees"]}
    assert entries["hands-knees"]["related_by"] == {"helps": ["bare-knees"]}


def test_the_list_filters_on_the_yaml_tags(site: Build) -> None:
    listed = site.main("index").select(".crawl-list a[href]")
    assert [link.get_text(strip=True) for link in listed] == ["Bare knees"]
