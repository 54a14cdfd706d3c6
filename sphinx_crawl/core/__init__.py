"""The Sphinx-free core: entry data, ages, content types and what is derived from them.

Nothing under ``sphinx_crawl.core`` imports Sphinx or docutils, so programs that
only read ``crawl.json`` (``sphinx_crawl.api``) do not load a documentation engine,
and the rules here are unit-tested without building anything.
"""
