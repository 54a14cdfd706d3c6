extensions = ["myst_parser", "sphinx_crawl"]
myst_enable_extensions = ["colon_fence"]
project = "Nested"
copyright = "2026, the sphinx-crawl tests"  # noqa: A001
version = "1.0"
crawl_require_source = True
crawl_sources = {
    "kc": {
        "title": "The Lowdown On Crawling Backward",
        "author": "Dr. KC Rickerd",
        "url": "https://example.org/kc",
    },
    "who": {"title": "WHO Motor Development Study", "publisher": "World Health Organization"},
}
