# The fuzz test appends a random crawl_sources below, one key per line.
extensions = ["myst_parser", "sphinx_crawl"]
myst_enable_extensions = ["colon_fence"]
project = "Fuzz"
