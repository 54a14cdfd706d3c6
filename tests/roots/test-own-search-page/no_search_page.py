"""What sphinx-immaterial does to the HTML builder: it writes no ``search.html``."""

from sphinx.application import Sphinx


def _without_search_page(app: Sphinx) -> None:
    builder = app.builder
    write_additional_pages = builder.gen_additional_pages  # type: ignore[attr-defined]

    def without_search() -> None:
        search, builder.search = builder.search, False  # type: ignore[attr-defined]
        try:
            write_additional_pages()
        finally:
            builder.search = search  # type: ignore[attr-defined]

    builder.gen_additional_pages = without_search  # type: ignore[attr-defined]


def setup(app: Sphinx) -> dict[str, bool]:
    app.connect("builder-inited", _without_search_page)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
