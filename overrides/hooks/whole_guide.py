"""Fill the page whose front matter says `generated: whole guide` with every page of
the guide, in nav order (but those its `leave_out` names), for printing or saving as PDF.

Each page's rendered HTML is moved under one URL: its ids get a per-page prefix (so
"checklist" on two pages stays two targets), links between pages become links within
this page, other relative links are re-rooted, and interactive widgets are replaced
by a pointer to the page that has them. Glossary terms carry no tooltips and
headings no permalinks here: they would make a long page slower to arrive.
"""

from __future__ import annotations

import posixpath
import re


_ID_ATTR = re.compile(r'\b(id|for)="([^"]+)"')
_REF_LIST = re.compile(r'\b(aria-labelledby|aria-describedby|aria-controls)="([^"]+)"')
_URL_REF = re.compile(r"url\(#([^)]+)\)")
_HREF = re.compile(r'\b(href|src)="([^"]*)"')
_HEADING = re.compile(r"<(/?)h([1-6])\b")
_WIDGET = re.compile(r'<div\b[^>]*\bdata-mdx-widget="([^"]+)"[^>]*>')
_BACKLINKS = re.compile(r'<h2\b[^>]*\bid="pages-that-link-here".*', re.S)
# Marks for the search plugin, which strips them from a page only as it renders it.
_SEARCH_ATTR = re.compile(r'\s?data-search-\w+="[^"]*"')
_ABBR = re.compile(r'<abbr title="[^"]*">(.*?)</abbr>', re.S)
_TEXT = re.compile(r"<(svg|script|style)\b.*?</\1>|<[^>]+>", re.S)
# A section's height per character of its text, at most (phone; 60em and wider).
_PX_PER_CHAR = (1.2, 0.6)
_PERMALINK = re.compile(r'<a class="headerlink" href="#[^"]*"[^>]*>[^<]*</a>')


def anchor(url: str) -> str:
    """A page's section id in the whole guide, from its URL ("a/b/" -> "a-b")."""
    return url.strip("/").replace("/", "-") or "home"


def without_widgets(html: str, page_link: str) -> str:
    """Replace each widget's element (to its matching </div>) with a pointer."""
    while found := _WIDGET.search(html):
        depth, position = 0, found.start()
        for tag in re.finditer(r"<(/?)div\b[^>]*>", html[position:]):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                end = position + tag.end()
                break
        else:
            raise ValueError(f"widget {found.group(1)} has no closing </div>")
        note = (f'<p class="mdx-whole-guide__widget">An interactive tool stands here on '
                f'<a href="{page_link}">its own page</a>.</p>')
        html = html[:position] + note + html[end:]
    return html


def relocate(html: str, url: str, urls: set[str], here: str) -> str:
    """Rewrite one page's HTML (rendered for `url`) to live in the page at `here`."""
    prefix = anchor(url) + "--"
    html = _BACKLINKS.sub("", html)
    html = _SEARCH_ATTR.sub("", html)
    html = _ABBR.sub(r"\1", html)
    html = _PERMALINK.sub("", html)
    html = _ID_ATTR.sub(lambda m: f'{m[1]}="{prefix}{m[2]}"', html)
    html = _REF_LIST.sub(lambda m: f'{m[1]}="' + " ".join(prefix + i for i in m[2].split()) + '"', html)
    html = _URL_REF.sub(lambda m: f"url(#{prefix}{m[1]})", html)

    def link(match: re.Match) -> str:
        attribute, value = match[1], match[2]
        if not value or re.match(r"[a-z][a-z0-9+.-]*:", value) or value.startswith("//"):
            return match[0]
        if value.startswith("#"):
            return f'{attribute}="#{prefix}{value[1:]}"'
        path, _, fragment = value.partition("#")
        target = posixpath.normpath(posixpath.join(url, path))
        target = "" if target == "." else target
        page = target.rstrip("/") + "/" if target else ""
        if page in urls:
            inner = anchor(page) + ("--" + fragment if fragment else "")
            return f'{attribute}="#{inner}"'
        if path.endswith("/") and target:
            target += "/"
        relative = posixpath.relpath(target or ".", here) + ("/" if page in urls or path.endswith("/") else "")
        return f'{attribute}="{relative}' + (f"#{fragment}" if fragment else "") + '"'

    html = _HREF.sub(link, html)
    # After the links are rewritten, so that the pointer's own link stays as written.
    html = without_widgets(html, "#" + anchor(url))
    # One page's h1 becomes a section's h2, and so on down.
    return _HEADING.sub(lambda m: f"<{m[1]}h{min(int(m[2]) + 1, 6)}", html)


def assemble(pages: list[tuple[str, str, str]], here: str) -> str:
    """pages: (url, title, html) in reading order; returns the whole guide's body."""
    urls = {url for url, _, _ in pages}
    contents = "".join(f'<li><a href="#{anchor(url)}">{title}</a></li>' for url, title, _ in pages)
    sections = "".join(
        f'<section class="mdx-whole-guide__page" id="{anchor(url)}">{relocate(html, url, urls, here)}</section>'
        for url, title, html in pages
    )
    return f'<nav class="mdx-whole-guide__contents" aria-label="Contents"><ol>{contents}</ol></nav>{sections}'


def sizes(sections: dict[str, str]) -> str:
    """CSS that gives each skipped section a height at least its own (content-visibility
    clips what overflows it, and checkers then see that content as hidden)."""
    def rules(per_char: float) -> str:
        return "".join(f"#{name}{{contain-intrinsic-size:auto {round(len(_TEXT.sub('', html)) * per_char, -2):.0f}px}}"
                       for name, html in sections.items())
    narrow, wide = _PX_PER_CHAR
    return f"{rules(narrow)}@media screen and (min-width:60em){{{rules(wide)}}}"


def left_out(src: str, meta: dict, leave_out: list[str]) -> bool:
    """Pages the build fills in, and those the one-page version's `leave_out` names
    (a page, or every page in a folder)."""
    return bool(meta.get("generated")) or any(src == x or x.endswith("/") and src.startswith(x) for x in leave_out)


def on_page_context(context, page, config, nav):
    if page.meta.get("generated") != "whole guide":
        return context
    leave_out = page.meta.get("leave_out", [])
    pages = [(p.url, p.title, p.content) for p in nav.pages
             if not left_out(p.file.src_uri, p.meta, leave_out) and p.content]
    page.content += assemble(pages, page.url.rstrip("/") or ".")
    # Written into the page's head by overrides/main.html.
    page.meta["mdx_section_sizes"] = sizes({anchor(url): html for url, _, html in pages})
    return context
