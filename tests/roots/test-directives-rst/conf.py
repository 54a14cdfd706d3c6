# A reStructuredText-only project: sphinx_crawl must not need MyST.
extensions = ["sphinx_crawl"]
project = "Directives in rST"
crawl_sources = {
    "kc": {"title": "The Lowdown On Crawling Backward", "author": "Dr. KC Rickerd", "url": "https://example.org/kc"},
    "who": {"title": "WHO Motor Development Study", "publisher": "World Health Organization"},
}
