"""Deprecations raised from sphinx_crawl's own code fail the suite (pyproject filterwarnings)."""

from __future__ import annotations

import warnings

import pytest
import sphinx.deprecation

#: Sphinx's deprecation warnings of this Sphinx (8.0 has RemovedInSphinx90Warning and
#: RemovedInSphinx10Warning; 9.0 has RemovedInSphinx10Warning and ...11Warning).
SPHINX_DEPRECATIONS = [
    getattr(sphinx.deprecation, name)
    for name in sorted(dir(sphinx.deprecation))
    if name.startswith("RemovedInSphinx") and name.endswith("Warning")
]


def test_this_sphinx_has_deprecation_warnings() -> None:
    assert SPHINX_DEPRECATIONS


@pytest.mark.parametrize("category", [DeprecationWarning, *SPHINX_DEPRECATIONS])
def test_a_deprecation_from_our_modules_is_an_error(category: type[Warning]) -> None:
    with pytest.raises(category):
        warnings.warn_explicit(
            "old API", category, "render/html.py", 1, module="sphinx_crawl.render.html"
        )


def test_a_deprecation_elsewhere_is_only_a_warning() -> None:
    with pytest.warns(DeprecationWarning, match="old API"):
        warnings.warn_explicit(
            "old API", DeprecationWarning, "x.py", 1, module="some_other_package"
        )
