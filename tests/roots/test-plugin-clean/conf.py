import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "plugins"))
extensions = ["myst_parser", "crawl_activity"]
myst_enable_extensions = ["colon_fence"]
project = "X Plugin"
crawl_sources = {"kc": {"title": "KC", "author": "KC Rickerd"}}
