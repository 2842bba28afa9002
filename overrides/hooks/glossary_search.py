"""Give each glossary term its own search result.

The search plugin cuts a page into sections at its headings, and the glossary is one
definition list under one heading. A search for "calibration" showed the whole
glossary as its preview and landed at the top of the page. Here the list is kept out
of the page's own entry, and once the plugin has written its index, each term is
added as a section of the page: the headword as its title, the definition as its
text, the term's anchor as its location.
"""

from __future__ import annotations

import html as entities
import json
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

GLOSSARY = "reference/glossary.md"
_TERM = re.compile(r'<dt\b[^>]*\bid="([^"]+)"[^>]*>(.*?)</dt>\s*<dd\b[^>]*>(.*?)</dd>', re.S)
_DT = re.compile(r"<dt\b(?![^>]*\bid=)[^>]*>(.*?)</dt>", re.S)
_TAG = re.compile(r"<[^>]+>")
_terms: list[dict[str, str]] = []


def plain(fragment: str) -> str:
    return " ".join(entities.unescape(_TAG.sub("", fragment)).split())


def text(fragment: str) -> str:
    """Plain text, escaped as the search plugin escapes a page's titles and text."""
    return entities.escape(plain(fragment), quote=False)


def terms_of(html: str, url: str) -> list[dict[str, str]]:
    """One search entry per <dt id> and its <dd>.

    The definition goes in a paragraph, as the plugin keeps a page's paragraphs: the
    theme previews a paragraph whole, but bare text only from its first word, and the
    separator in mkdocs.yml makes a lone "A" no word ("A change in..." lost its "A").
    """
    return [{"location": f"{url}#{anchor}", "title": text(term), "text": f"<p>{text(definition)}</p>"}
            for anchor, term, definition in _TERM.findall(html)]


def with_terms(index: dict, terms: list[dict[str, str]]) -> dict:
    """The index with the terms placed right after the entry of the page they are on."""
    docs = index["docs"]
    page = terms[0]["location"].split("#")[0]
    at = next(i for i, doc in enumerate(docs) if doc["location"] == page)
    tags = {"tags": docs[at]["tags"]} if "tags" in docs[at] else {}
    docs[at + 1:at + 1] = [{**term, **tags} for term in terms]
    return index


def on_pre_build(config):
    _terms.clear()  # `mkdocs serve` builds again in the same process


def on_page_content(html, page, config, files):
    if page.file.src_uri != GLOSSARY:
        return html
    for headword in _DT.findall(html):
        raise PluginError(f"docs/{GLOSSARY}: the term {plain(headword)!r} has no id; "
                          f"write it as 'Headword {{ #headword-id }}'")
    _terms[:] = terms_of(html, page.url)
    # The search plugin skips the list, then drops the attribute from the page.
    return html.replace("<dl>", '<dl data-search-exclude="terms">')


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config):
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not _terms or not path.is_file():
        return
    index = with_terms(json.loads(path.read_text(encoding="utf-8")), _terms)
    # The plugin's own format: compact, and non-ASCII escaped.
    path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
