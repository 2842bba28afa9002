"""Render arithmatex's LaTeX as MathML at build time: no MathJax or KaTeX in the browser."""

from __future__ import annotations

import html
import re

from latex2mathml.converter import convert
from mkdocs.exceptions import PluginError

# pymdownx.arithmatex (generic mode) wraps block math in \[...\] and inline math in \(...\).
_MATH = re.compile(
    r'<(?P<tag>div|span) class="arithmatex">\\(?P<open>[\[(])(?P<tex>.*?)\\[\])]</(?P=tag)>',
    re.S,
)


def to_mathml(page_html: str) -> str:
    """Replace every arithmatex element in a page with MathML."""

    def render(found: re.Match) -> str:
        tex = html.unescape(found["tex"]).strip()
        display = "block" if found["open"] == "[" else "inline"
        try:
            math = convert(tex, display=display)
        except Exception as error:  # latex2mathml raises many kinds
            raise ValueError(f"cannot render the formula {tex!r}: {error}") from error
        if display == "block":
            return f'<div class="mdx-math">{math}</div>'
        return math

    return _MATH.sub(render, page_html)


def on_page_content(html_text, page, config, files):
    if 'class="arithmatex"' not in html_text:
        return html_text
    try:
        return to_mathml(html_text)
    except ValueError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from error
