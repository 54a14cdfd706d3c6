"""A plugin's ``Relation`` that names a content type the project does not have (a typo,
``milestones`` for ``milestone``, or a type from a plugin not installed) was found only
at each entry, as ":pokes: 'm1' is a milestone, not a milestones", which reads as the
author's mistake. It is now one ``crawl.plugin`` warning at conf.py naming the type,
the relation and the missing type, with the types the project has."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.plugin_project import plugin_site

PLUGIN = """
from sphinx_crawl import ContentType, Relation, register_content_type

THING = ContentType(
    name="thing", directive="thing-card", label="Thing", plural="Things",
    relations=(Relation("pokes", targets=("milestones", "tip"), label="Pokes",
                        reverse_label="Poked by"),),
)


def setup(app):
    app.setup_extension("sphinx_crawl")
    register_content_type(app, THING)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
"""


def test_a_relation_to_a_type_the_project_lacks_is_one_plugin_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = plugin_site(
        tmp_path,
        monkeypatch,
        ("poke_plugin", PLUGIN),
        "P\n=\n\n.. tip-card:: T\n   :id: t1\n\n   x\n\n"
        ".. thing-card:: A\n   :id: a1\n   :pokes: t1\n\n   x\n",
    )
    assert site.crawl_warnings("plugin") == [
        "<src>/conf.py:2: WARNING: content type 'thing': relation 'pokes' names the type "
        "'milestones', which this project does not have (milestone, tip, red-flag, "
        "question, thing); no entry can be linked as one [crawl.plugin]"
    ]
    # The relation's other target still links.
    (thing,) = [e for e in site.crawl_json()["entries"] if e["id"] == "a1"]
    assert thing["relations"] == {"pokes": ["t1"]}
