"""The stylesheets as readers get them, and the page that carries its own.

The built copies of the site's own stylesheets lose their comments. In the theme's,
`table:not([class])` becomes `.md-typeset__table>table` (tables.py wraps every table
so) and the `.no-js` tab rule names `label:first-child`, so that a change of class
restyles only what it can affect (PERFORMANCE.md).

A page whose front matter says `inline_styles: true` (the one-page version) gets them
written into it, as built, and is left out of sitemap.xml, so that the theme's instant
navigation never swaps it in without them (csp.py allows them by hash).
"""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from theme import rewrite

HOOK = "stylesheets.py"
_CSS_COMMENT = re.compile(r"/\*.*?\*/\n?", re.S)
_THEME_TABLE = "table:not([class])"
_WRAPPED_TABLE = ".md-typeset__table>table"
_THEME_NO_JS_TABS = re.compile(r"(?<=[{}\n])([^{}]*\.no-js \.md-typeset \.tabbed-set[^{}]*)(?=\{)")
_THEME_MAIN_CSS = re.compile(r"main\.[0-9a-f]+\.min\.css")
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)">')
_SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/\s*$")
_SITEMAP_URL = re.compile(r"\s*<url>\s*<loc>([^<]*)</loc>.*?</url>", re.S)
# The addresses of the pages that carry their stylesheets, found anew on each build.
_carry_styles: set[str] = set()


def strip_comments(css: str) -> str:
    """The stylesheet without its comments (it holds no "/*" inside a string)."""
    return _CSS_COMMENT.sub("", css)


def restyle_less(css: str) -> str:
    """The theme's stylesheet with the rules that restyle a whole page rewritten."""
    if _WRAPPED_TABLE in css and _THEME_TABLE not in css:
        return css  # already rewritten: a rebuild under `mkdocs serve --dirty`
    css = rewrite(css, _THEME_NO_JS_TABS, lambda m: m[1].replace(".tabbed-labels>:", ".tabbed-labels>label:"),
                  hook=HOOK, expected="one rule for '.no-js .md-typeset .tabbed-set'", count=1)
    return rewrite(css, _THEME_TABLE, _WRAPPED_TABLE, hook=HOOK, expected=f"'{_THEME_TABLE}' rules")


def built_css(sheet: Path, config) -> str:
    """A built stylesheet as readers get it."""
    css = sheet.read_text(encoding="utf-8")
    site, sheet = Path(config["site_dir"]).resolve(), sheet.resolve()
    if sheet.parent == site / "assets" / "stylesheets" and _THEME_MAIN_CSS.fullmatch(sheet.name):
        return restyle_less(css)
    if Path(config["docs_dir"], sheet.relative_to(site)).is_file():
        return strip_comments(css)
    return css


def inline_stylesheets(page_html: str, page_dir: Path, config) -> str:
    """The page with each stylesheet it links written into it, as built (the theme's
    source map comment left out: its address is relative to the stylesheet)."""
    def inline(match: re.Match) -> str:
        css = _SOURCE_MAP.sub("", built_css((page_dir / match[1]).resolve(), config))
        if "</style" in css.lower():
            raise PluginError(f"{HOOK}: {match[1]} holds '</style', so it cannot be written "
                              "into a page; drop 'inline_styles' from that page or the text from the stylesheet")
        return f"<style>{css}</style>"

    return rewrite(page_html, _STYLESHEET, inline, hook=HOOK, expected='<link rel="stylesheet" href=...>')


def leave_out(sitemap: str, urls: set[str]) -> str:
    """sitemap.xml without the entries for these addresses."""
    kept = _SITEMAP_URL.sub(lambda m: "" if html_lib.unescape(m[1]) in urls else m[0], sitemap)
    if len(_SITEMAP_URL.findall(sitemap)) - len(_SITEMAP_URL.findall(kept)) != len(urls):
        raise PluginError(f"{HOOK}: sitemap.xml does not list each of {sorted(urls)} once; "
                          "has its template changed? Check leave_out() against it.")
    return kept


def on_env(env, config, files):
    _carry_styles.clear()
    _carry_styles.update(file.page.canonical_url or file.page.abs_url for file in files.documentation_pages()
                         if file.page and file.page.meta.get("inline_styles"))


def on_post_page(output, page, config):
    if page.meta.get("inline_styles"):
        output = inline_stylesheets(output, Path(config["site_dir"], page.file.dest_uri).parent, config)
    return output


def on_post_template(output, template_name, config):
    return leave_out(output, _carry_styles) if template_name == "sitemap.xml" else output


def on_post_build(config):
    site, docs = Path(config["site_dir"]), Path(config["docs_dir"])
    theirs = sorted(Path(site, "assets", "stylesheets").glob("main.*.min.css"))
    if len(theirs) != 1:
        raise PluginError(f"{HOOK}: expected one assets/stylesheets/main.*.min.css in the built site, "
                          f"found {len(theirs)}; has the theme renamed its stylesheet?")
    for sheet in [*theirs, *(site / source.relative_to(docs) for source in docs.rglob("*.css"))]:
        if sheet.is_file():
            sheet.write_text(built_css(sheet, config), encoding="utf-8")
