"""Write each table inside the two boxes the theme puts around it as it starts.

The page is then laid out from the first frame as it is once the theme has run, so
nothing below a table moves (a layout shift). The table gets the class `mdx-table`,
because the theme re-wraps only a table with no class; stylesheets.py rewrites the
theme's table rules so that they match the wrapped table, class or not.
"""

from __future__ import annotations

import re

# A table the theme wraps (it has no class), with no table inside it.
_TABLE = re.compile(r"<table(?![^>]*\bclass=)[^>]*>(?:(?!<table\b).)*?</table>", re.S)


def wrap_tables(content: str) -> str:
    return _TABLE.sub(lambda m: '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
                                f'<table class="mdx-table"{m[0][len("<table"):]}</div></div>', content)


def on_page_content(html, page, config, files):
    return wrap_tables(html)
