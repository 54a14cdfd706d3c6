"""Performance benchmark of sphinx_crawl against plain Sphinx, sphinx-design and sphinx-needs.

Not a test suite: pytest never collects it (see ``collect_ignore`` in tests/conftest.py).
Run it with ``nox -s bench`` (or ``python -m tests.bench.run --quick`` for a smoke run).
"""
