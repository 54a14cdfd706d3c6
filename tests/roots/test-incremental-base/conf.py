extensions = ["myst_parser", "sphinx_crawl"]
myst_enable_extensions = ["colon_fence"]
project = "Incremental property"
crawl_sources = {
    "kc": {"title": "The Lowdown On Crawling Backward", "author": "Dr. KC Rickerd"},
    "who": {"title": "WHO Motor Development Study", "publisher": "World Health Organization"},
    "aap": {"title": "Caring for Your Baby", "publisher": "American Academy of Pediatrics"},
}
# Faster builds (the property builds this project some 200 times); main content is compared.
html_theme = "basic"
html_copy_source = False
