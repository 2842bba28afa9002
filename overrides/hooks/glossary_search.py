"""Give each glossary term its own search result, and its teaching page its words.

The search plugin cuts a page at its headings, and the glossary is one list under one
heading: "calibration" previewed the whole glossary. So the list is kept out of the
page's own entry, and each term is added as a section: headword, definition, anchor.
And the section its "See ..." link points to (for a whole page, the section that names
the term most) is indexed under the headword, in a field (KEYWORDS) that weighs as much
as a title: "NLP" finds the definition and the page that teaches it (README, "Search").
"""

from __future__ import annotations

import html as entities
import json
import posixpath
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

GLOSSARY = "reference/glossary.md"
_TERM = re.compile(r'<dt\b[^>]*\bid="([^"]+)"[^>]*>(.*?)</dt>\s*<dd\b[^>]*>(.*?)</dd>', re.S)
_DT = re.compile(r"<dt\b(?![^>]*\bid=)[^>]*>(.*?)</dt>", re.S)
_TAG = re.compile(r"<[^>]+>")
_SEE = re.compile(r"\b[Ss]ee\b(.*)", re.S)
_HREF = re.compile(r'<a\b[^>]*\bhref="([^"#][^"]*)"')
KEYWORDS = "keywords"
_terms: list[dict[str, str]] = []
_see: dict[str, list[str]] = {}


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


def see_also_of(html: str, url: str) -> dict[str, list[str]]:
    """Each headword and the site locations its definition's last "See ..." links to."""
    found: dict[str, list[str]] = {}
    for _anchor, term, definition in _TERM.findall(html):
        see = _SEE.findall(definition)
        targets = []
        for href in _HREF.findall(see[-1] if see else ""):
            if "//" in href or href.startswith("mailto:"):
                continue
            path, _, anchor = href.partition("#")
            path = posixpath.normpath(posixpath.join(url, path))
            path = "" if path == "." else path + "/"
            targets.append(f"{path}#{anchor}" if anchor else path)
        if targets:
            found.setdefault(text(term), []).extend(targets)
    return found


def with_keywords(index: dict, see: dict[str, list[str]]) -> dict:
    """The index with each headword in the KEYWORDS field of the entries it sends readers to.

    A link to a whole page indexes the section of it that names the term most often
    (the page itself if none does), so that the result shows the passage that
    explains it. A link to a section that has no entry of its own (a heading below
    the third level) counts for its page."""
    docs = {doc["location"]: doc for doc in index["docs"]}
    for headword, targets in see.items():
        name = re.sub(r"\s*\(.*?\)", "", headword).lower()
        for target in targets:
            doc = docs.get(target) or docs.get(target.split("#")[0])
            if doc is not None and "#" not in target:
                sections = [d for d in index["docs"] if d["location"].startswith(target + "#")]
                uses = lambda d: (d["title"] + " " + d["text"]).lower().count(name)  # noqa: E731
                best = max(sections, key=uses, default=None)
                if best is not None and uses(best) > uses(doc):
                    doc = best
            if doc is None:
                raise PluginError(f"docs/{GLOSSARY}: {headword!r} sends readers to {target}, "
                                  "which is not in the search index")
            words = doc.setdefault(KEYWORDS, "")
            if headword not in words.split(", "):
                doc[KEYWORDS] = f"{words}, {headword}" if words else headword
    fields = index["config"]["fields"]
    fields.setdefault(KEYWORDS, {"boost": fields["title"]["boost"]})
    return index


def with_terms(index: dict, terms: list[dict[str, str]]) -> dict:
    """The index with the terms placed right after the entry of the page they are on."""
    docs = index["docs"]
    page = terms[0]["location"].split("#")[0]
    at = next((i for i, doc in enumerate(docs) if doc["location"] == page), None)
    if at is None:
        raise PluginError(f"docs/{GLOSSARY}: the glossary is not in the search index; "
                          "remove `search: exclude` from its front matter, or this hook from mkdocs.yml")
    tags = {"tags": docs[at]["tags"]} if "tags" in docs[at] else {}
    docs[at + 1:at + 1] = [{**term, **tags} for term in terms]
    return index


def on_pre_build(config):
    _terms.clear()  # `mkdocs serve` builds again in the same process
    _see.clear()


def on_page_content(html, page, config, files):
    if page.file.src_uri != GLOSSARY:
        return html
    for headword in _DT.findall(html):
        raise PluginError(f"docs/{GLOSSARY}: the term {plain(headword)!r} has no id; "
                          f"write it as 'Headword {{ #headword-id }}'")
    _terms[:] = terms_of(html, page.url)
    _see.update(see_also_of(html, page.url))
    # The search plugin skips the list, then drops the attribute from the page.
    return html.replace("<dl>", '<dl data-search-exclude="terms">')


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config):
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not _terms or not path.is_file():
        return
    index = with_keywords(with_terms(json.loads(path.read_text(encoding="utf-8")), _terms), _see)
    # The plugin's own format: compact, and non-ASCII escaped.
    path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
