# The theme comes from the test (-D html_theme=...): tests/browser/test_themes.py.
extensions = ["myst_parser", "sphinx_crawl"]
myst_enable_extensions = ["colon_fence"]
project = "Themes"
crawl_require_source = True
crawl_sources = {
    "kc": {"title": "The Lowdown On Crawling Backward", "author": "Dr. KC Rickerd"},
    "who": {"title": "WHO Motor Development Study", "publisher": "World Health Organization"},
}
