"""The parent's companion in HTML: tracker items, the baby panel and the summary.

Everything is markup for crawl-companion.js to bring to life, hidden until it
runs; what the parent enters stays in this browser (``localStorage``) and is never
sent anywhere. The script's own words are written once per build to
``_static/crawl-companion-text.js``, in the project's language.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes

from sphinx_crawl import nodes as crawl_nodes
from sphinx_crawl.contacts import fill_contacts, summary_contacts
from sphinx_crawl.core.ages import MAX_WEEKS_EARLY, age_rules
from sphinx_crawl.core.derive import free_id
from sphinx_crawl.domain import crawl_domain
from sphinx_crawl.i18n import _, words_in_english
from sphinx_crawl.output import write_bytes_if_changed
from sphinx_crawl.render.emergency import beyond_text
from sphinx_crawl.render.search_words import age_range

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment
    from sphinx.writers.html5 import HTML5Translator

TEXT_FILE = "crawl-companion-text.js"
#: The age rules (core/ages.py) as data for crawl-ages.js: no number written twice.
RULES_FILE = "crawl-rules.js"
#: The script every other computes ages with (loaded first: extension.JS_FILES).
AGES_SCRIPT = "crawl-ages.js"
#: The companion's scripts: the baby panel and tracker, then the checklists (which
#: keep their ticks in the companion's record of the baby).
COMPANION_SCRIPTS = ("crawl-companion.js", "crawl-checklist.js")


#: The markup's words (out of f-strings, where message extraction cannot see them).
MARKUP_WORDS = {
    "noticed": _("I have noticed this"),
    "does_it": _("Does your baby do this?"),
    "ideas": _("Ideas that may help at this stage:"),
    "past_window": _("Past the ages given for this, and not yet?"),
    "panel_heading": _("Your baby, remembered on this device"),
    "baby": _("Baby"),
    "name": _("Name or nickname (optional)"),
    "born": _("Date of birth"),
    "weeks_early": _("Weeks born early (0 if on time)"),
    "save": _("Save"),
    "add": _("Add another baby"),
    "forget": _("Forget this baby"),
}


def _words() -> dict[str, str]:
    """The markup's words in the build's language, escaped for HTML."""
    return {key: _t(text) for key, text in MARKUP_WORDS.items()}


def _t(message: str) -> str:
    return escape(str(message))


def _ours(html: str, lang: str) -> str:
    """The extension's words (``html``, escaped), in a span saying they are English when
    ``lang`` is `` lang="en"`` (see :func:`words_in_english`)."""
    return f"<span{lang}>{html}</span>" if lang else html


def baby_page_href(self: HTML5Translator) -> str:
    """The address of the page with the baby panel, from the page being written."""
    pages = crawl_domain(self.builder.env).pages_with("baby")
    if not pages:
        return ""
    here = self.builder.current_docname
    return "" if pages[0] == here else self.builder.get_relative_uri(here, pages[0])


# -- tracker items --------------------------------------------------------------


def visit_track_item(self: HTML5Translator, node: crawl_nodes.crawl_track_item) -> None:
    """One entry of a tracker: its link, then the parent's marks. The extension's words
    say they are English (``en``) where they show in English on a page of another
    language; the entry's title keeps the page's language."""
    w = _words()
    en = words_in_english(self.builder.config)
    entry_id, title = _t(node["entry_id"]), _t(node["title"])
    name = f"track-{entry_id}"
    age = f' <span class="crawl-track-age">\u00b7 {_t(node["age"])}</span>' if node["age"] else ""
    data = (
        f'data-crawl-track="{entry_id}" data-crawl-track-mode="{_t(node["mode"])}" '
        f'data-crawl-age-label="{_t(node["age"])}" '
        f'data-crawl-track-min="{_t(node["age_min"])}" data-crawl-track-max="{_t(node["age_max"])}"'
    )
    about = f'<span class="crawl-visually-hidden">: {title}</span>'
    if node["mode"] == "noticed":
        controls = (
            f'<label class="crawl-track-noticed"><input type="checkbox" name="{name}" '
            f'value="noticed" /> {_ours(w["noticed"], en)}{about}</label>'
        )
        date_label = _("Since")
    else:
        choices = [("yes", _("Yes")), ("not-yet", _("Not yet")), ("not-sure", _("Not sure"))]
        controls = (
            f'<legend class="crawl-visually-hidden">{_ours(w["does_it"], en)} '
            f"{title}</legend>"
            + "".join(
                f'<label class="crawl-track-state"{en}><input type="radio" name="{name}" '
                f'value="{value}" /> {_t(label)}</label>'
                for value, label in choices
            )
        )
        date_label = _("Date")
    date = (
        f'<label class="crawl-track-date">{_ours(_t(date_label), en)}{about} '
        f'<input type="date" name="{name}-date" /></label>'
    )
    self.body.append(
        f'<li class="crawl-track-item" id="{_t(node["item_id"])}" {data}>'
        f'<p class="crawl-track-line"><a class="reference internal" href="{_t(node["href"])}">'
        f"<strong>{title}</strong></a>{age}</p>"
        f'<fieldset class="crawl-track-controls" hidden="hidden">{controls}{date}</fieldset>'
        f"{_help_html(node, self.builder.config)}</li>\n"
    )
    raise nodes.SkipNode


def _help_html(node: crawl_nodes.crawl_track_item, config: Config) -> str:
    """Shown by the script when a milestone is "not yet" past the ages given for it."""
    w = _words()
    en = words_in_english(config)
    if node["mode"] != "seen" or node["age_max"] == "":
        return ""
    links = "".join(
        f'<li><a class="reference internal" href="{_t(href)}">{_t(text)}</a></li>'
        for text, href in node["help"]
    )
    tips = f"<p{en}>{w['ideas']}</p><ul>{links}</ul>" if links else ""
    return (
        '<div class="crawl-track-help" hidden="hidden" role="note">'
        f"<p{en}><strong>{w['past_window']}</strong> "
        + _t(
            fill_contacts(
                str(
                    _(
                        "Don't wait to see: tell {crawl:contact}`doctor`, and ask about a "
                        "developmental screening. Bring this tracker's summary."
                    )
                ),
                config,
            )
        )
        + f"</p>{tips}</div>"
    )


# -- baby panel and summary -----------------------------------------------------


def visit_baby(self: HTML5Translator, node: crawl_nodes.crawl_baby) -> None:
    """The panel's fields; the list of babies and the buttons come with the script.
    The extension's words are marked English where they show so (see above), not the
    form: the babies' names the parent types are in any language. Its ids are the
    usual ones unless an entry or a heading on the page has one already (an entry
    ``:id: crawl-baby-born`` took the date field's label and the panel's name)."""
    w = _words()
    en = words_in_english(self.builder.config)
    ids = {name: _free_id(self.document, f"crawl-baby-{name}", node) for name in BABY_IDS}
    self.body.append(
        '<form class="crawl-baby" hidden="hidden" autocomplete="off" novalidate="novalidate" '
        f'aria-labelledby="{ids["heading"]}">'
        f'<p id="{ids["heading"]}" class="crawl-baby-heading"{en}><strong>'
        f"{w['panel_heading']}</strong></p>"
        f'<p class="crawl-baby-private"{en}>{_t(PRIVATE)}</p>'
        f'<div class="crawl-baby-choose" hidden="hidden"><label for="{ids["which"]}"'
        f'{en}>{w["baby"]}</label> <select id="{ids["which"]}" name="which"></select></div>'
        '<div class="crawl-baby-fields">'
        f'<div><label for="{ids["name"]}"{en}>{w["name"]}</label>'
        f'<input id="{ids["name"]}" name="name" type="text" maxlength="40" /></div>'
        f'<div><label for="{ids["born"]}"{en}>{w["born"]}</label>'
        f'<input id="{ids["born"]}" name="born" type="date" required="required" /></div>'
        f'<div><label for="{ids["early"]}"{en}>{w["weeks_early"]}</label>'
        f'<input id="{ids["early"]}" name="early" type="number" min="0" '
        f'max="{MAX_WEEKS_EARLY}" step="1" '
        'inputmode="numeric" /></div></div>'
        '<p class="crawl-baby-buttons">'
        f'<button type="submit" class="crawl-baby-save"{en}>{w["save"]}</button> '
        f'<button type="button" class="crawl-baby-add"{en}>{w["add"]}</button> '
        f'<button type="button" class="crawl-baby-forget"{en}>{w["forget"]}</button>'
        "</p>"
        '<p class="crawl-baby-status" role="status" aria-live="polite"></p></form>\n'
    )
    raise nodes.SkipNode


#: The baby panel's elements with an id (``crawl-baby-<name>``).
BABY_IDS = ("heading", "which", "name", "born", "early")


def _free_id(document: nodes.document, base: str, node: nodes.Element) -> str:
    """``base``, or ``base-2``... when the page has that id already (an entry's, a
    heading's), then taken by ``node``."""
    candidate = free_id(base, lambda name: name not in document.ids)
    document.ids[candidate] = node
    return candidate


PRIVATE = _(
    "Kept in this browser only, on this device. Nothing you enter is sent anywhere. "
    "Every page of the handbook then shows what applies at your baby's age today."
)


def visit_summary(self: HTML5Translator, node: crawl_nodes.crawl_summary) -> None:
    """Filled by the script from what is kept on the device; without it, says so."""
    href = _t(baby_page_href(self))
    self.body.append(
        f'<div class="crawl-summary" data-baby-href="{href}">'
        f'<p class="crawl-summary-empty"{words_in_english(self.builder.config)}>'
        f"{_t(NO_SCRIPT)}</p></div>\n"
    )
    raise nodes.SkipNode


NO_SCRIPT = _(
    "The summary is made in your browser from what you have entered in the tracker. "
    "It needs JavaScript."
)


def companion_text(config: Config | None = None) -> dict[str, Any]:
    """The script's words, in the project's language; with ``config``, whom to contact
    in the build's place (``contacts``: [heading, words] pairs, for the summary)."""
    words = {
        "using": _("Showing what applies to {name} today: {age} months old."),
        "usingCorrected": _(
            "Showing what applies to {name} today: {age} months old, {corrected} months "
            "corrected for being born early."
        ),
        "remember": _("Remember your baby's birth date on this device"),
        "change": _("Change or forget"),
        "unnamed": _("Baby {n}"),
        "saved": _("Saved on this device."),
        "forgotten": _("Forgotten: nothing about this baby is kept on this device any more."),
        "confirmForget": _("Forget {name}, with every mark and note? This cannot be undone."),
        "badDate": _("Enter a date of birth from the last {years} years, not in the future."),
        "noBaby": _("Enter your baby's date of birth first (above), then mark what you see."),
        "adding": _(
            "Adding a new baby: save them above first. Until then nothing can be marked, "
            "so no mark goes to the wrong baby."
        ),
        "addingStatus": _("New baby: enter the date of birth, then save."),
        "cancel": _("Cancel"),
        "askDate": _("When did you first see this? Enter the date if you know it."),
        "addDate": _("Add the date you first saw it"),
        "ageCorrected": _("{age} months ({corrected} months corrected)"),
        "confirmClearFor": _(
            "Clear the ticks and notes on this list for {name}? The same signs are unmarked "
            "in the tracker too. This cannot be undone."
        ),
        "marksFor": _("Marks for {name}, kept on this device only."),
        "marksForUnkept": _(
            "Marks for {name}, lost when you leave this page: this browser is not keeping them."
        ),
        "unsaved": _(
            "This browser is not keeping what you enter (private browsing, or site data "
            "blocked or full?). It is lost when you leave or reload this page. To keep it, "
            "save the summary for the doctor as a file now."
        ),
        "saveSummary": _("Save the summary for the doctor as a file"),
        "heldFor": _(
            "{other} was chosen in another tab. What you enter here still goes to {name}, "
            "until you leave this part of the page."
        ),
        "nowShowing": _("Now showing {name}: chosen in another tab."),
        "goneElsewhere": _(
            "The baby shown here was forgotten in another tab: nothing more is kept for them."
        ),
        "notSaved": _(
            "Not saved: this browser is not keeping what you enter. It lasts until you "
            "leave this page."
        ),
        "seenSelect": _("Seen?"),
        "seenLabel": _("{title}: does your baby do this?"),
        "yes": _("Yes"),
        "notYet": _("Not yet"),
        "notSure": _("Not sure"),
        "summaryTitle": _("Summary for the doctor"),
        "prepared": _("Prepared on {date}"),
        "baby": _("Baby"),
        "born": _("Date of birth"),
        "age": _("Age today"),
        "months": _("{age} months"),
        "early": _("Born early"),
        "weeks": _("{weeks} weeks"),
        "corrected": _("Corrected age"),
        "seen": _("Milestones seen"),
        "notYetList": _("Not yet"),
        "notSureList": _("Not sure"),
        "since": _("since {date}"),
        "on": _("on {date}"),
        "ages": _("usually {age}"),
        "pastWindow": _("past the ages given for it"),
        "signs": _("Signs noticed"),
        "none": _("None marked."),
        "notes": _("Notes"),
        "questions": _("Questions to ask"),
        "notesHint": _("What you have seen, when, and anything else to mention."),
        "questionsHint": _("Write the questions you want to ask at the visit."),
        "print": _("Print or save as PDF"),
        "download": _("Save as a file"),
        "fileName": _("summary-for-the-doctor"),
        "notAdvice": _(
            "Made from what a parent entered in this handbook. It is a memory aid, "
            "not a diagnosis or medical advice."
        ),
        "enterBaby": _("No baby is entered on this device yet."),
        "goEnter": _("Enter your baby's date of birth"),
        "contactsHeading": _("Who to contact"),
    }
    text: dict[str, Any] = {key: str(value) for key, value in words.items()}
    text["contacts"] = summary_contacts(config) if config is not None else []
    # A child older than every entry (the oldest age is the build's: write_companion_text).
    text["beyond"] = fill_contacts(beyond_text(), config)
    # These words are English on pages of a language the package has none for: the
    # script marks the elements holding only them (see words_in_english).
    if config is not None and words_in_english(config):
        text["wordsLang"] = "en"
    return text


def add_companion_text(app: Sphinx) -> None:
    """``builder-inited``: the page loads the script's words, written once every page
    is read (write_companion_text); already now, with the oldest age of the entries
    read before, where there are none yet (a first build that fails part-way still has
    the words; a rebuild with nothing to read, which Sphinx before 8.2 ends early, puts
    back a deleted file)."""
    if app.builder.format != "html":
        return
    path = Path(app.builder.outdir) / "_static" / TEXT_FILE
    if not path.exists():
        _write_companion_text(app, path, age_range(app)[1])
    app.add_js_file(TEXT_FILE, loading_method="defer")


def write_companion_text(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated`` (every page read, none written yet): the script's words for this
    build's language, and the oldest age an entry's window reaches (``oldest``, in
    months; None without one), which a child older than that is told the handbook does
    not cover (s45b). Written before any page: each page links the file with a digest of
    its bytes (``?v=``), which must be the file's as the build leaves it (written after
    the pages, at ``html-collect-pages``, a rebuild's pages and a clean build's named
    two different files)."""
    if app.builder.format == "html":
        _write_companion_text(
            app, Path(app.builder.outdir) / "_static" / TEXT_FILE, age_range(app)[1]
        )
    return []


def _write_companion_text(app: Sphinx, path: Path, oldest: float | None) -> None:
    text = companion_text(app.config)
    text["oldest"] = oldest
    data = json.dumps(text, ensure_ascii=True, sort_keys=True)
    write_bytes_if_changed(path, f"window.crawlCompanionText = {data};\n".encode())


def write_rules(app: Sphinx) -> None:
    """``builder-inited``: the age rules as ``window.crawlRules``, loaded before the
    package's scripts (crawl-ages.js computes every age with them)."""
    if app.builder.format != "html":
        return
    data = json.dumps(age_rules(), ensure_ascii=True, sort_keys=True)
    body = f"window.crawlRules = {data};\n".encode()
    write_bytes_if_changed(Path(app.builder.outdir) / "_static" / RULES_FILE, body)
    app.add_js_file(RULES_FILE, loading_method="defer")


COMPANION_VISITORS: dict[type[nodes.Element], Any] = {
    crawl_nodes.crawl_track_item: visit_track_item,
    crawl_nodes.crawl_baby: visit_baby,
    crawl_nodes.crawl_summary: visit_summary,
}


def setup_companion(app: Sphinx) -> None:
    for node_class, visit in COMPANION_VISITORS.items():
        app.add_node(node_class, html=(visit, None))
    # Before the package's own scripts (priority 500), which read the words.
    app.connect("builder-inited", write_rules, priority=400)
    app.connect("builder-inited", add_companion_text, priority=400)
    # After incremental.data_settled (priority 500), which keeps the age range.
    app.connect("env-updated", write_companion_text, priority=600)
