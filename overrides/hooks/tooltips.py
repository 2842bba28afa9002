"""Keep a glossary tooltip on the first use of each term on a page, not on every use.

includes/abbreviations.md turns every occurrence of a glossary term into an <abbr>
with its definition; on a long page that is a hundred dotted underlines, as many
copies of the same definitions in the HTML, and as many tooltips for the theme to
set up. The first use in the text of the page is where a reader needs it. The
glossary itself gets none: each term's definition is right there on the page.
"""

from __future__ import annotations

import re

_ABBR = re.compile(r'<abbr title="([^"]*)">(.*?)</abbr>', re.S)
_HEADING = re.compile(r"<(h[1-6])\b.*?</\1>", re.S)
GLOSSARY = "reference/glossary.md"


def first_uses_only(html: str) -> str:
    # A heading is no place for a dotted underline; the text below it explains.
    html = _HEADING.sub(lambda m: _ABBR.sub(r"\2", m[0]), html)
    seen: set[str] = set()

    def keep_first(match: re.Match) -> str:
        term = match[2].lower()
        if term in seen:
            return match[2]
        seen.add(term)
        return match[0]

    return _ABBR.sub(keep_first, html)


def on_page_content(html, page, config, files):
    if page.file.src_uri == GLOSSARY:
        return _ABBR.sub(r"\2", html)
    return first_uses_only(html)
