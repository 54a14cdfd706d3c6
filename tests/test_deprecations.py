"""Deprecations raised from sphinx_crawl's own code fail the suite (pyproject filterwarnings)."""

from __future__ import annotations

import warnings

import pytest
from sphinx.deprecation import RemovedInSphinx10Warning, RemovedInSphinx11Warning


@pytest.mark.parametrize(
    "category", [DeprecationWarning, RemovedInSphinx10Warning, RemovedInSphinx11Warning]
)
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
