"""Give every box that can scroll sideways a tab stop and a name, in the HTML as built.

A keyboard user can scroll a box only once it takes the focus (WCAG 2.1.1). The theme
gives one to wide code blocks only, once its script runs; a reader without JavaScript
and the one-page version had none. So the table's scroll container (tables.py), each
display formula (mathml.py), each code block's <code> and each row of content tabs is
written with tabindex="0", role="region" and a name. site.js takes the tab stop away
from a box that does not scroll at the reader's width, and gives it back if it does.
"""

from __future__ import annotations

import re

# (opening tag up to its class attribute, the name it gets). Keep in step with site.js.
REGIONS = [
    (r'<div class="md-typeset__scrollwrap"', "Table, scrolls sideways"),
    (r'<div class="mdx-math"', "Formula, scrolls sideways"),
    (r'<div class="tabbed-labels"', "Tabs, scroll sideways"),
    (r'<pre\b[^>]*>(?:<span></span>)?<code\b', "Code, scrolls sideways"),
]
_OPENING = re.compile("|".join(f"(?P<r{i}>{tag})(?![^>]*\\btabindex=)" for i, (tag, _) in enumerate(REGIONS)))


def with_regions(page_html: str) -> str:
    """`page_html` with a tab stop, a role and a name on each box that can scroll."""
    def mark(match: re.Match) -> str:
        name = REGIONS[int(match.lastgroup[1:])][1]
        return f'{match[0]} tabindex="0" role="region" aria-label="{name}"'
    return _OPENING.sub(mark, page_html)


def on_post_page(output, page, config):
    return with_regions(output)
