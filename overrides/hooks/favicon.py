"""Write the favicon into each page as a `data:` address.

A page then asks for nothing but itself and its stylesheets before its first paint:
on a slow phone each more request delays that paint (PERFORMANCE.md). The file named
by `theme.favicon` stays the source, and must be an SVG under docs/.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

from mkdocs.exceptions import PluginError

from theme import rewrite

HOOK = "favicon.py"
_FAVICON = re.compile(r'<link rel="icon" href="[^"]*">')
# The favicon as a data: address, found anew on each build.
_favicon: list[str] = []


def svg_data_url(svg: str) -> str:
    """An SVG drawing as a `data:` address, escaped only where a URL must be."""
    svg = re.sub(r">\s+<", "><", " ".join(svg.split()))
    return "data:image/svg+xml," + quote(svg, safe="/:=',;.-()")


def favicon_url(config) -> str:
    source = Path(config["docs_dir"], config["theme"]["favicon"])
    if source.suffix != ".svg" or not source.is_file():
        raise PluginError(f"{HOOK}: theme.favicon is '{config['theme']['favicon']}'; it must name an "
                          "SVG file under docs/, which is written into every page (no request for it)")
    return svg_data_url(source.read_text(encoding="utf-8"))


def inline_favicon(page_html: str) -> str:
    if not _favicon:
        return page_html
    return rewrite(page_html, _FAVICON, lambda m: f'<link rel="icon" href="{_favicon[0]}">', hook=HOOK,
                   expected='<link rel="icon" href=...> (the theme\'s base.html)', count=1)


def on_config(config):
    _favicon[:] = [favicon_url(config)]


def on_post_page(output, page, config):
    return inline_favicon(output)


def on_post_template(output, template_name, config):
    return inline_favicon(output) if template_name == "404.html" else output
