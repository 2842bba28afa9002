"""Names the theme leaves out, for screen readers and valid HTML.

The search dialog and the loading bar get names; each checklist box gets its item's
text; empty tabindex attributes go; the search share link's placeholder is "#", not
a javascript: address. A heading's "¶" link is named with aria-label instead of a
title, because the theme sets up a tooltip for every titled element (PERFORMANCE.md).
"""

from __future__ import annotations

import html as html_lib
import re
from collections import Counter

from theme import changed, rewrite

HOOK = "names.py"
_TASK = re.compile(r'(<li class="task-list-item">\s*<label class="task-list-control">\s*<input type="checkbox")([^>]*>)(.*?)</li>', re.S)
_TAG = re.compile(r"<[^>]+>")
_PERMALINK = re.compile(r'(<a class="headerlink" href="[^"]*") title=')
_EMPTY_TABINDEX = ' tabindex=""'
# Markup some pages have and others not (the home page, 404): the build fails if none has it.
_SOMETIMES = {"empty tabindex attributes": _EMPTY_TABINDEX, "heading links titled 'Link to this section'": _PERMALINK}
_seen: Counter = Counter()
# (theme's markup, the same with a name): each must be in every page.
_NAMED = [
    ('data-md-component="search" role="dialog">', 'data-md-component="search" role="dialog" aria-label="Search">'),
    ('data-md-component="progress" role="progressbar">',
     'data-md-component="progress" role="progressbar" aria-label="Loading the page">'),
    ('href="javascript:void(0)" class="md-search__icon', 'href="#" class="md-search__icon'),
]


def name_checkboxes(page_html: str) -> str:
    def named(match: re.Match) -> str:
        text = " ".join(html_lib.unescape(_TAG.sub("", match[3])).split())
        label = html_lib.escape(text[:150], quote=True)
        return f'{match[1]} aria-label="{label}"{match[2]}{match[3]}</li>'

    return _TASK.sub(named, page_html)


def named(page_html: str) -> str:
    for theirs, ours in _NAMED:
        page_html = rewrite(page_html, theirs, ours, hook=HOOK, expected=theirs, count=1)
    for expected, pattern in _SOMETIMES.items():
        _seen[expected] += page_html.count(pattern) if isinstance(pattern, str) else len(pattern.findall(page_html))
    page_html = rewrite(page_html, _EMPTY_TABINDEX, "", hook=HOOK, expected="empty tabindex attributes", at_least=0)
    page_html = rewrite(page_html, _PERMALINK, r"\1 aria-label=", hook=HOOK,
                        expected="heading links titled 'Link to this section'", at_least=0)
    return name_checkboxes(page_html)


def on_pre_build(config):
    _seen.clear()


def on_post_build(config):
    for expected in _SOMETIMES:
        if not _seen[expected]:
            raise changed(HOOK, f"{expected} on some page", 0)


def on_post_page(output, page, config):
    return named(output)


def on_post_template(output, template_name, config):
    return named(output) if template_name == "404.html" else output
