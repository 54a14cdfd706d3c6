# The fuzz tests append their own crawl_sources (and sometimes more) below.
extensions = ["myst_parser", "sphinx_crawl"]
myst_enable_extensions = ["colon_fence"]
project = "Fuzz"
crawl_sources = {"kc": {"title": "KC", "author": "A", "url": "https://example.org/kc"}}
