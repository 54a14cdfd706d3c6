extensions = ["myst_parser", "sphinx_crawl"]
myst_enable_extensions = ["colon_fence"]
project = "X Domain"
crawl_sources = {
    "kc": {"title": "The Lowdown On Crawling Backward", "author": "Dr. KC Rickerd", "url": "https://example.org/kc"},
    "who": {"title": "WHO Motor Development Study", "publisher": "World Health Organization"},
    "aap": {"title": "Caring for Your Baby", "publisher": "American Academy of Pediatrics"},
    "unused": {"title": "A Book Nobody Cites", "author": "Nobody"},
}
