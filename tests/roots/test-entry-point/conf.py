extensions = ["myst_parser", "sphinx_crawl"]
myst_enable_extensions = ["colon_fence"]
project = "Entry point"
crawl_sources = {"kc": {"title": "KC", "author": "KC"}}
