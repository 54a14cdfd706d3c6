"""Differences between the supported Sphinx versions (8.x and 9.x), in one place."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def app_of(env: BuildEnvironment) -> Sphinx:
    """The application behind ``env``.

    Sphinx 9 deprecates ``env.app`` and ``SphinxTransform.app`` without a public
    replacement; its own post-transforms read ``env._app``, as we do here.
    """
    app = env.__dict__.get("_app")
    if app is None:  # older Sphinx 8 releases kept it public
        app = env.app
    return app
