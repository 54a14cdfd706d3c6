# The theme comes from the test (-D html_theme=...): tests/browser/test_themes.py.
extensions = ["myst_parser", "sphinx_crawl"]
myst_enable_extensions = ["colon_fence"]
project = "Themes"
# Empty partials/webfonts.html: shibuya's Google font stays out (no request to other hosts).
templates_path = ["_templates"]
crawl_require_source = True
crawl_sources = {
    "kc": {"title": "The Lowdown On Crawling Backward", "author": "Dr. KC Rickerd"},
    "who": {"title": "WHO Motor Development Study", "publisher": "World Health Organization"},
}
# The "Emergency?" line atop every page, and the search page's notices.
crawl_emergency = {
    "numbers": {"USA": "911", "UK": "999"},
    "page": "emergency",
    "signs": ["not breathing"],
    "unwell": ["fever"],
}
crawl_search_out_of_scope = {
    "autism": {
        "text": "This handbook does not cover autism.",
        "url": "https://example.org/autism",
    }
}
crawl_search_concern = {"entry": "no-movement"}
