extensions = ["myst_parser", "sphinx_crawl"]
myst_enable_extensions = ["colon_fence"]
project = "Malformed"
crawl_sources = {
    "kc": {"title": "The Lowdown On Crawling Backward", "author": "Dr. KC Rickerd"},
    "evil": {"title": "A source with a script URL", "publisher": "Nobody", "url": "javascript:alert(1)"},
}
