"""Drop the indentation the templates leave at the start of each line.

A browser reads a run of spaces and a line break as one space, so nothing changes on
screen, and every page is lighter (PERFORMANCE.md). Inside <pre> and <textarea> the
spaces show, so they stay.
"""

from __future__ import annotations

import re

_KEEP_SPACES = re.compile(r"(<(pre|textarea)\b.*?</\2>)", re.S | re.I)
_INDENT = re.compile(r"\n[ \t]+")


def unindent(page_html: str) -> str:
    parts = _KEEP_SPACES.split(page_html)
    # split() returns text, then each kept element and its tag name, in turn.
    return "".join(_INDENT.sub("\n", part) if i % 3 == 0 else part if i % 3 == 1 else ""
                   for i, part in enumerate(parts))


def on_post_page(output, page, config):
    return unindent(output)


def on_post_template(output, template_name, config):
    return unindent(output) if template_name == "404.html" else output
