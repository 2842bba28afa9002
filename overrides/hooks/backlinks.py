"""Append "Pages that link here" to every page that other pages link to.

The graph is read from the Markdown sources before any page is rendered, so the
section is ordinary Markdown and shows in the table of contents. It is kept out of
search: a search for a page's title would otherwise list every page that links to it.
"""

from __future__ import annotations

import posixpath
import re

from mkdocs.utils.meta import get_data

HEADING = "Pages that link here"
# Inline links [text](path.md#anchor "title") and reference definitions [id]: path.md
_LINK = re.compile(r"\]\(\s*<?([^)\s>]+?\.md)(?:#[^)\s>]*)?>?(?:\s+\"[^\"]*\")?\s*\)|^\s*\[[^\]]+\]:\s*<?(\S+?\.md)(?:#\S*)?>?", re.M)
_CODE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)


def links_in(src: str, markdown: str) -> set[str]:
    """The pages (by source path) that one page's Markdown links to."""
    text = _CODE.sub("", markdown)
    found = set()
    for match in _LINK.finditer(text):
        target = match.group(1) or match.group(2)
        if "://" in target or target.startswith("/"):
            continue
        found.add(posixpath.normpath(posixpath.join(posixpath.dirname(src), target)))
    return found


def graph(sources: dict[str, str]) -> dict[str, list[str]]:
    """Map each page to the sorted pages that link to it (never itself)."""
    incoming: dict[str, set[str]] = {}
    for src, markdown in sources.items():
        for target in links_in(src, markdown):
            if target != src and target in sources:
                incoming.setdefault(target, set()).add(src)
    return {target: sorted(pages) for target, pages in incoming.items()}


def section(src: str, linking: list[str], titles: dict[str, str]) -> str:
    """The Markdown appended to page `src`, with links relative to it."""
    here = posixpath.dirname(src) or "."
    ordered = sorted(linking, key=lambda other: titles[other].lower())
    items = [f"- [{titles[other]}]({posixpath.relpath(other, here)})" for other in ordered]
    return f"\n\n## {HEADING} {{ data-search-exclude=\"backlinks\" }}\n\n" + "\n".join(items) + "\n"


_incoming: dict[str, list[str]] = {}
_titles: dict[str, str] = {}
# Pages whose links do not count: those the build fills in (front matter `generated`).
_skip: set[str] = set()


def on_files(files, config):
    sources, titles = {}, {}
    _skip.clear()
    for file in files.documentation_pages():
        body, meta = get_data(file.content_string)
        if meta.get("generated"):
            _skip.add(file.src_uri)
            continue
        sources[file.src_uri] = body
        titles[file.src_uri] = str(meta.get("title") or file.name)
    _incoming.clear()
    _incoming.update(graph(sources))
    _titles.clear()
    _titles.update(titles)
    return files


def on_page_markdown(markdown, page, config, files):
    # `backlinks: false`: a page most pages link to (the glossary) would list most of the guide.
    linking = _incoming.get(page.file.src_uri)
    if not linking or page.file.src_uri in _skip or page.meta.get("backlinks") is False:
        return markdown
    return markdown.rstrip() + section(page.file.src_uri, linking, _titles)
