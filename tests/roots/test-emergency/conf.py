"""An adopter's project with its own emergency numbers and words (not the handbook's)."""

extensions = ["sphinx_crawl"]
project = "Emergency first"
crawl_sources = {"guide": {"title": "A guide", "publisher": "A health service"}}
crawl_emergency = {
    "numbers": {"Here": "000", "There": "1 12"},
    "page": "help/emergency",
    "signs": ["not breathing", "blue lips", "fit", "seizure", "won't wake"],
    "unwell": ["fever", "vomiting"],
}
crawl_search_concern = {"entry": "worried"}
crawl_search_out_of_scope = {
    "speech": {"text": "This guide does not cover speech.", "words": ["talking", "words"]},
}
