extensions = ["myst_parser", "sphinx_crawl"]
myst_enable_extensions = ["colon_fence"]
project = "Directives in MyST"
crawl_sources = {
    "kc": {"title": "The Lowdown On Crawling Backward", "author": "Dr. KC Rickerd", "url": "https://example.org/kc"},
    "who": {"title": "WHO Motor Development Study", "publisher": "World Health Organization"},
}
