extensions = ["myst_parser", "sphinx_crawl"]
myst_enable_extensions = ["colon_fence"]
project = "Hostile"
crawl_sources = {
    "xss": {
        "title": "<script>alert('source-title')</script>",
        "publisher": "<img src=x onerror=alert('source-publisher')>",
        "author": "\"><svg onload=alert('source-author')>",
        "url": "https://example.org/?q=\"><script>alert('source-url')</script>",
    },
    "mixedcase": {"title": "Mixed-case scheme", "author": "A", "url": "JaVaScRiPt:alert('scheme')"},
    "data": {"title": "Data URL", "author": "A", "url": "data:text/html,<script>alert('data')</script>"},
}
