"""Fixes to the markup the theme writes, and to the site's own stylesheets, made at
build time.

Each fix names what the theme leaves out, so no theme template has to be copied:
the search dialog and the page-loading bar get names, each checklist box gets its
item's text as its name, empty tabindex attributes (invalid HTML) are dropped, and the
search share link's placeholder address is "#", not "javascript:void(0)".

Two fixes are for speed. A heading's "¶" link is named with aria-label, not title:
the theme sets up a tooltip for every titled element in the text, and a long page
has dozens of headings; a screen reader reads the same name either way. And the
indentation the templates leave at the start of each line is dropped (outside
<pre> and <textarea>, where it shows): a browser reads a run of spaces and a line
break as one space, so nothing changes on screen, and every page is about 0.9 KB
lighter gzip. The comments in the site's own stylesheets (every `.css` file under
docs/) are dropped from the built copies too: they explain the rules to authors, and
cost every reader about 1.4 KB gzip on every page (and a widget's page 0.1 to 0.2 KB
more).

One fix is for a still page: each table is written inside the two boxes the theme puts
around it as it starts (`.md-typeset__scrollwrap > .md-typeset__table`), so the page
is laid out from the first frame as it is once the theme has run. Wrapping it late
added about 10 px under a table (16 px over one after a formula), and moved whatever
followed on screen. The table gets the class `mdx-table`, because the theme wraps
only a table with no class: it takes the table out of the page and puts it back, and
Chromium then restyles and lays out the whole table again as the theme starts (7 to
20 ms on a long page here). The theme's table rules do not depend on the class:
they are rewritten below.

The favicon is written into each page as a `data:` address, so a page asks for
nothing but itself and its stylesheets before its first paint: on a slow phone each
more request shares the line with the theme's stylesheet and delays that paint
(PERFORMANCE.md). The file named by `theme.favicon` stays the source.

A page whose front matter says `inline_styles: true` (the one-page version) gets its
stylesheets written into it, as built: its HTML is so long that a stylesheet it linked
would be asked for a round trip late on a slow network. csp.py allows them by hash.
Such a page is left out of sitemap.xml, from which the theme learns which links its
instant navigation may take over: going there in place, the theme would drop the
stylesheets the page does not link, and the first page's policy would block the ones
it carries, leaving the page unstyled. A link to it is an ordinary page load.

And two kinds of rule in the theme's stylesheet are rewritten, so that a change of
class restyles only what it can affect. Chromium works out from the selectors which
elements a class change may restyle, and a selector that ends in any element (`*`,
`:first-child`) defeats that: every element inside may match. With
`.md-typeset table:not([class]) td > :first-child` (and its kin), a change of any
element's class attribute restyled everything inside that element; with
`.no-js .md-typeset .tabbed-set > input:first-child:checked ~ .tabbed-labels > :first-child`
(the tab underline without JavaScript), so did removing `no-js`. The theme swaps
<html>'s classes as it starts: every element of the page was restyled inside the task
that runs its script, about 650 on a long page, 7 to 12 ms on this machine, four
times that on a simulated phone. Every table those rules mean sits in a
`.md-typeset__table` box (written above, or by the theme), so
`table:not([class])` becomes `.md-typeset__table>table`, with the same specificity;
and a tab's label is a <label>, so `.tabbed-labels>:first-child` in the rule that
names `.no-js` becomes `.tabbed-labels>label:first-child`. A test counts what a class
change restyles.
"""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path
from urllib.parse import quote

from mkdocs.exceptions import PluginError

_TASK = re.compile(r'(<li class="task-list-item">\s*<label class="task-list-control">\s*<input type="checkbox")([^>]*>)(.*?)</li>', re.S)
_TAG = re.compile(r"<[^>]+>")
_PERMALINK = re.compile(r'(<a class="headerlink" href="[^"]*") title=')
_KEEP_SPACES = re.compile(r"(<(pre|textarea)\b.*?</\2>)", re.S | re.I)
_INDENT = re.compile(r"\n[ \t]+")
_CSS_COMMENT = re.compile(r"/\*.*?\*/\n?", re.S)
# The theme's rules for a table it wraps, and its rule for tabs that names `.no-js`.
_THEME_TABLE = "table:not([class])"
_WRAPPED_TABLE = ".md-typeset__table>table"
_THEME_NO_JS_TABS = re.compile(r"(?<=[{}\n])[^{}]*\.no-js \.md-typeset \.tabbed-set[^{}]*(?=\{)")
_THEME_MAIN_CSS = re.compile(r"main\.[0-9a-f]+\.min\.css")
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)">')
_SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/\s*$")
# A page's entry in sitemap.xml.
_SITEMAP_URL = re.compile(r"\s*<url>\s*<loc>([^<]*)</loc>.*?</url>", re.S)
_FAVICON = re.compile(r'<link rel="icon" href="[^"]*">')
# A table the theme wraps (it has no class), with no table inside it.
_TABLE = re.compile(r"<table(?![^>]*\bclass=)[^>]*>(?:(?!<table\b).)*?</table>", re.S)


def name_checkboxes(page_html: str) -> str:
    def named(match: re.Match) -> str:
        text = " ".join(html_lib.unescape(_TAG.sub("", match[3])).split())
        label = html_lib.escape(text[:150], quote=True)
        return f'{match[1]} aria-label="{label}"{match[2]}{match[3]}</li>'

    return _TASK.sub(named, page_html)


def unindent(page_html: str) -> str:
    parts = _KEEP_SPACES.split(page_html)
    # split() returns text, then each kept element and its tag name, in turn.
    return "".join(_INDENT.sub("\n", part) if i % 3 == 0 else part if i % 3 == 1 else ""
                   for i, part in enumerate(parts))


def wrap_tables(content: str) -> str:
    return _TABLE.sub(lambda m: '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
                                f'<table class="mdx-table"{m[0][len("<table"):]}</div></div>', content)


def on_page_content(html, page, config, files):
    return wrap_tables(html)


def svg_data_url(svg: str) -> str:
    """An SVG drawing as a `data:` address, escaped only where a URL must be."""
    svg = re.sub(r">\s+<", "><", " ".join(svg.split()))
    return "data:image/svg+xml," + quote(svg, safe="/:=',;.-()")


def favicon_url(config) -> str:
    source = Path(config["docs_dir"], config["theme"]["favicon"])
    if source.suffix != ".svg" or not source.is_file():
        raise PluginError(f"theme_fixes.py: theme.favicon is '{config['theme']['favicon']}'; it must name an "
                          "SVG file under docs/, which is written into every page (no request for it)")
    return svg_data_url(source.read_text(encoding="utf-8"))


# The favicon as a data: address, found anew on each build.
_favicon: list[str] = []


def on_config(config):
    _favicon[:] = [favicon_url(config)]


def inline_favicon(page_html: str) -> str:
    if not _favicon:
        return page_html
    page_html, found = _FAVICON.subn(lambda m: f'<link rel="icon" href="{_favicon[0]}">', page_html, count=1)
    if not found:
        raise PluginError("theme_fixes.py: found no <link rel=\"icon\" href=...> to write the favicon into; "
                          "has the theme's base.html changed? Check inline_favicon() against it.")
    return page_html


def fix(page_html: str) -> str:
    page_html = page_html.replace('data-md-component="search" role="dialog">',
                                  'data-md-component="search" role="dialog" aria-label="Search">', 1)
    page_html = page_html.replace('data-md-component="progress" role="progressbar">',
                                  'data-md-component="progress" role="progressbar" aria-label="Loading the page">', 1)
    page_html = page_html.replace(' tabindex=""', "")
    # The search share link's placeholder; the theme sets the real address once a
    # query is typed. A javascript: address is not a crawlable link, and the page
    # without the theme's script would keep it.
    page_html = page_html.replace('href="javascript:void(0)" class="md-search__icon', 'href="#" class="md-search__icon', 1)
    page_html = _PERMALINK.sub(r"\1 aria-label=", page_html)
    return unindent(name_checkboxes(inline_favicon(page_html)))


def on_post_page(output, page, config):
    output = fix(output)
    if page.meta.get("inline_styles"):
        output = inline_stylesheets(output, Path(config["site_dir"], page.file.dest_uri).parent, config)
    return output


# The addresses of the pages that carry their stylesheets, found anew on each build.
_carry_styles: set[str] = set()


def on_env(env, config, files):
    _carry_styles.clear()
    _carry_styles.update(file.page.canonical_url or file.page.abs_url for file in files.documentation_pages()
                         if file.page and file.page.meta.get("inline_styles"))


def on_post_template(output, template_name, config):
    if template_name == "404.html":
        return fix(output)
    if template_name == "sitemap.xml":
        return leave_out(output, _carry_styles)
    return output


def leave_out(sitemap: str, urls: set[str]) -> str:
    """sitemap.xml without the entries for these addresses."""
    kept = _SITEMAP_URL.sub(lambda m: "" if html_lib.unescape(m[1]) in urls else m[0], sitemap)
    if len(_SITEMAP_URL.findall(sitemap)) - len(_SITEMAP_URL.findall(kept)) != len(urls):
        raise PluginError(f"theme_fixes.py: sitemap.xml does not list each of {sorted(urls)} once; "
                          "has its template changed? Check leave_out() against it.")
    return kept


def strip_comments(css: str) -> str:
    """The stylesheet without its comments (it holds no "/*" inside a string)."""
    return _CSS_COMMENT.sub("", css)


def restyle_less(css: str) -> str:
    """The theme's stylesheet with the rules that restyle a whole page rewritten."""
    tabs = _THEME_NO_JS_TABS.findall(css)
    if len(tabs) != 1 or _THEME_TABLE not in css and _WRAPPED_TABLE not in css:
        raise PluginError("theme_fixes.py: the theme's main stylesheet no longer has its "
                          f"'{_THEME_TABLE}' rules, or not one rule for '.no-js .md-typeset .tabbed-set'; "
                          "has the theme changed them? Check restyle_less() against it; to drop it, "
                          "drop the class wrap_tables() gives each table too, or tables lose the theme's style.")
    css = css.replace(tabs[0], tabs[0].replace(".tabbed-labels>:", ".tabbed-labels>label:"))
    return css.replace(_THEME_TABLE, _WRAPPED_TABLE)


def built_css(sheet: Path, config) -> str:
    """A stylesheet of the built site as readers get it: the theme's main stylesheet
    with its rules rewritten, the site's own without their comments."""
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
            raise PluginError(f"theme_fixes.py: {match[1]} holds '</style', so it cannot be written "
                              "into a page; drop 'inline_styles' from that page or the text from the stylesheet")
        return f"<style>{css}</style>"

    return _STYLESHEET.sub(inline, page_html)


def on_post_build(config):
    site = Path(config["site_dir"])
    sheets = [*Path(site, "assets", "stylesheets").glob("main.*.min.css"),
              *(site / source.relative_to(config["docs_dir"]) for source in Path(config["docs_dir"]).rglob("*.css"))]
    for sheet in sheets:
        if sheet.is_file():
            sheet.write_text(built_css(sheet, config), encoding="utf-8")
