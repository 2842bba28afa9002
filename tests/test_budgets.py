"""Byte budgets. Sizes are deterministic, so unlike speed they are tests."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from urllib.parse import unquote

import material
import pytest
from mkdocs.exceptions import PluginError

from page_weight import gz, weight
from helpers import PAGES, PREFIX, ROOT, hook, inline_styles, nav_files, new_page, split, url_of

FIRST_VIEW_GZIP = 80 * 1024      # HTML + CSS + JS + fonts, gzip, per page
OWN_CSS_JS_GZIP = 10 * 1024      # the site's own stylesheets and scripts, gzip, in all
# The one-page version holds the whole guide; it is for printing, not a first view.
EXEMPT = {"reference/whole-guide/"}


@pytest.mark.parametrize("path", [p for p in PAGES if p not in EXEMPT])
def test_first_view_fits_the_budget(site, path):
    first = weight(site.dir, path)["first_view_gzip"]
    assert first <= FIRST_VIEW_GZIP, f"/{path}: first view is {first / 1024:.1f} KB gzip"


def own_assets(site, html: str) -> list:
    refs = re.findall(r'<(?:link[^>]*href|script[^>]*src)="([^"]+\.(?:css|js))"', html)
    # The theme's files carry a content hash in their names; the site's own do not.
    return sorted({site.dir / re.sub(r"^(\.\./)+", "", ref) for ref in refs if not re.search(r"\.[0-9a-f]{8}\.min\.", ref)})


def test_the_sites_own_css_and_js_fit_the_budget(site):
    own = own_assets(site, site.html("reference/about/"))
    assert own, "no stylesheet or script of the site's own found"
    total = sum(gz(f.read_bytes()) for f in own)
    assert total <= OWN_CSS_JS_GZIP, f"{total / 1024:.1f} KB gzip: {[f.name for f in own]}"


def test_widget_code_loads_only_where_a_widget_is(site):
    for path in PAGES:
        html = site.html(path)
        assert "widgets/" not in " ".join(re.findall(r'<(?:script|link)[^>]+>', html)), f"/{path} loads widget code up front"


def test_no_font_file_is_shipped_unless_used(site):
    fonts = [f for pattern in ("*.woff2", "*.woff", "*.ttf", "*.otf") for f in site.dir.rglob(pattern)]
    css = " ".join(f.read_text(encoding="utf-8") for f in site.dir.rglob("*.css"))
    unused = [f.name for f in fonts if f.name not in css]
    assert not unused, unused


def test_images_are_svg_or_sized_lazy_rasters(site):
    problems = []
    for page in site.pages():
        for tag in re.findall(r"<img\b[^>]*>", page.read_text(encoding="utf-8")):
            src = re.search(r'src="([^"]+)"', tag)[1]
            if src.endswith(".svg"):
                continue
            if not ("width=" in tag and "height=" in tag):
                problems.append(f"{page.parent.name}: {src} has no width/height")
            if 'loading="lazy"' not in tag:
                problems.append(f"{page.parent.name}: {src} is not lazy")
    rasters = [f for ext in ("png", "jpg", "jpeg", "gif", "webp") for f in site.dir.rglob(f"*.{ext}")]
    problems += [f"{f.name} is {f.stat().st_size // 1024} KB" for f in rasters if f.stat().st_size > 100 * 1024]
    assert not problems, problems


# --- The text first ---------------------------------------------------------------------

def without_theme_script() -> set[str]:
    """Pages whose front matter says `theme_script: false`."""
    return {url_of(src) for src in nav_files() if split(src)[0].get("theme_script") is False}


def test_the_themes_scripts_wait_for_the_first_paint(site):
    # They are parked in a <template>; no script file loads while the page is parsed.
    plain = without_theme_script()
    assert plain == {"reference/whole-guide/"}
    for path in PAGES + ["404.html"]:
        body = site.html(path).split("<body", 1)[1]
        parked = re.search(r'<template id="mdx-scripts">(.*?)</template>', body, re.S)
        assert parked and 'javascripts/site.js"' in parked[1], \
            f"/{path}: the site's script is not parked in <template id=\"mdx-scripts\">"
        theme = re.search(r'<script src="[^"]*bundle\.[0-9a-f]{8}\.min\.js"', parked[1])
        if path in plain:
            assert not theme, f"/{path}: its front matter says theme_script: false, yet the theme's script is there"
        else:
            assert theme, f"/{path}: the theme's script is not parked in <template id=\"mdx-scripts\">"
        early = re.findall(r"<script[^>]*\bsrc=[^>]*>", body.replace(parked[0], ""))
        assert not early, f"/{path}: scripts load before the first paint: {early}"


# Before its first paint a page asks for its three stylesheets and nothing else: the
# theme's two and the site's one. On a slow phone every other file fetched then (a
# second stylesheet of the site's own, the logo, the favicon) shares the line with the
# theme's stylesheet and delays the paint (PERFORMANCE.md).
BEFORE_PAINT = [r"main\.[0-9a-f]{8}\.min\.css", r"palette\.[0-9a-f]{8}\.min\.css", r"extra\.css"]


def test_a_page_links_three_stylesheets_and_no_image_outside_its_text(site):
    favicon = (ROOT / "docs/assets/images/favicon.svg").read_text(encoding="utf-8")
    carry_styles = inline_styles()
    for path in PAGES + ["404.html"]:
        page = site.html(path)
        sheets = [href.rsplit("/", 1)[-1] for href in re.findall(r'<link rel="stylesheet" href="([^"]+)"', page)]
        expected = [] if path in carry_styles else BEFORE_PAINT
        assert len(sheets) == len(expected) and all(re.fullmatch(e, s) for e, s in zip(expected, sheets)), \
            f"/{path} links {sheets}; the site's own rules belong in extra.css (mkdocs.yml extra_css)"
        outside = re.sub(r"<article\b.*?</article>", "", page, flags=re.S)
        images = re.findall(r"<img\b[^>]*>", outside)
        assert not images, f"/{path}: an image file outside the page's text is fetched before the first paint: {images}"
        icons = re.findall(r'<link rel="icon" href="([^"]*)">', page)
        assert len(icons) == 1 and icons[0].startswith("data:image/svg+xml,"), \
            f"/{path}: the favicon is not written into the page (favicon.py): {icons}"
        assert icons[0] == hook("favicon").svg_data_url(favicon), \
            f"/{path}: the favicon in the page is not docs/assets/images/favicon.svg"


def test_nothing_but_the_stylesheets_is_fetched_before_the_first_paint(browser, base_url):
    page = new_page(browser)
    for path in ("", "differentiators/metrics/", "reference/glossary/"):
        page.goto(base_url + path)
        early = page.evaluate("""() => {
            const paint = performance.getEntriesByName('first-contentful-paint')[0].startTime;
            return performance.getEntriesByType('resource').filter(e => e.startTime <= paint).map(e => e.name);
        }""")
        # In the order they were fetched, which need not be the order they are linked in.
        names = [url.rsplit("/", 1)[-1] for url in early]
        assert len(names) == 3 and all(sum(bool(re.fullmatch(e, n)) for n in names) == 1 for e in BEFORE_PAINT), \
            f"/{path}: fetched before the first paint: {early}"
        # The favicon, written into the page, is an image the page's policy allows.
        size = page.evaluate("""() => new Promise(done => {
            const icon = new Image();
            icon.onload = () => done(icon.naturalWidth);
            icon.onerror = () => done(0);
            icon.src = document.querySelector('link[rel=icon]').href;
        })""")
        assert size > 0, f"/{path}: the favicon does not load"
    assert page.watch.errors == []
    page.context.close()


def test_the_favicon_is_written_into_the_page(tmp_path):
    fixes = hook("favicon")
    drawing = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">\n  <path fill="#fff" d="M1 2h3z"/>\n</svg>\n'
    url = fixes.svg_data_url(drawing)
    assert url == ("data:image/svg+xml,%3Csvg%20xmlns=%22http://www.w3.org/2000/svg%22%20viewBox=%220%200%2024%2024%22%3E"
                   "%3Cpath%20fill=%22%23fff%22%20d=%22M1%202h3z%22/%3E%3C/svg%3E")
    assert not re.search(r'[\s"<>#]', url)
    assert unquote(url.split(",", 1)[1]) == drawing.replace("\n  ", "").replace("\n", "")
    (tmp_path / "icon.svg").write_text(drawing, encoding="utf-8")
    (tmp_path / "icon.png").write_bytes(b"\x89PNG")
    assert fixes.favicon_url({"docs_dir": str(tmp_path), "theme": {"favicon": "icon.svg"}}) == url
    for wrong in ("icon.png", "missing.svg"):
        with pytest.raises(PluginError, match="theme.favicon"):
            fixes.favicon_url({"docs_dir": str(tmp_path), "theme": {"favicon": wrong}})
    fixes._favicon[:] = [url]
    try:
        assert fixes.inline_favicon('<head><link rel="icon" href="../assets/icon.svg"></head>') == \
            f'<head><link rel="icon" href="{url}"></head>'
        with pytest.raises(PluginError, match="favicon.py: expected"):
            fixes.inline_favicon("<head></head>")
    finally:
        fixes._favicon.clear()


def test_every_script_asks_to_be_compiled_while_it_downloads(site):
    # compile_hints.py adds the hint to the theme's bundle; the site's scripts carry it.
    theme = hook("compile_hints")
    scripts = sorted((site.dir / "assets/javascripts").glob("**/*.js"))
    bundles = [s for s in scripts if re.fullmatch(r"bundle\.[0-9a-f]{8}\.min\.js", s.name)]
    assert len(bundles) == 1, bundles
    for script in scripts:
        if "workers" in script.parts or "lunr" in script.parts:
            continue  # the search worker runs off the page's main thread
        assert script.read_text(encoding="utf-8").startswith(theme.HINT), \
            f"{script.relative_to(site.dir)} does not start with {theme.HINT.strip()}"
    # The bundle is the theme's own file with one line added, and its map moved down one line.
    source = Path(material.__file__).parent / "templates/assets/javascripts" / bundles[0].name
    assert bundles[0].read_text(encoding="utf-8") == theme.HINT + source.read_text(encoding="utf-8")
    built_map = json.loads((bundles[0].parent / (bundles[0].name + ".map")).read_text(encoding="utf-8"))
    source_map = json.loads(source.with_name(source.name + ".map").read_text(encoding="utf-8"))
    assert built_map["mappings"] == ";" + source_map["mappings"]
    assert built_map["sources"] == source_map["sources"]


def test_the_compile_hint_is_added_once(tmp_path):
    theme = hook("compile_hints")
    script, source_map = tmp_path / "bundle.js", tmp_path / "bundle.js.map"
    script.write_text('"use strict";f();\n//# sourceMappingURL=bundle.js.map\n')
    source_map.write_text(json.dumps({"version": 3, "sources": ["a.ts"], "mappings": "AAAA"}))
    assert theme.add_hint(script) is True
    assert theme.add_hint(script) is False  # a rebuild under `mkdocs serve` finds it there
    assert script.read_text() == theme.HINT + '"use strict";f();\n//# sourceMappingURL=bundle.js.map\n'
    assert json.loads(source_map.read_text())["mappings"] == ";AAAA"


def test_heading_links_carry_no_title(site):
    # The theme would set up a tooltip for each titled link; aria-label names them.
    for path in PAGES:
        links = re.findall(r'<a class="headerlink"[^>]*>', site.html(path))
        for link in links:
            assert "aria-label=" in link and " title=" not in link, f"/{path}: {link}"


def test_the_text_is_painted_before_the_theme_script_loads(page, base_url):
    for path in ("", "differentiators/metrics/"):
        page.goto(base_url + path)
        timing = page.evaluate("""() => ({
            paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
            script: performance.getEntriesByType('resource').find(e => /bundle\\.[0-9a-f]{8}\\.min\\.js$/.test(e.name))?.startTime,
        })""")
        assert timing["paint"] is not None and timing["script"] is not None, timing
        assert timing["paint"] <= timing["script"], f"/{path}: the theme's script was requested before the first paint: {timing}"
    # And the theme ran once the scripts had loaded, without an error.
    assert page.evaluate("document.documentElement.classList.contains('js')")
    assert page.watch.errors == []


def test_pages_carry_no_template_indentation(site):
    # trim.py drops it; spaces inside <pre> and <textarea> show, so they stay;
    # a stylesheet written into a page is checked as built, below.
    for path in PAGES + ["404.html"]:
        outside = re.sub(r"<(pre|textarea|style)\b.*?</\1>", "", site.html(path), flags=re.S | re.I)
        indented = re.findall(r"\n[ \t]+\S.{0,40}", outside)
        assert not indented, f"/{path}: {indented[:3]}"
    fixes = hook("trim")
    html = '<p>\n   a <b>b</b>\n\t c</p>\n  <pre><code>x\n    y</code></pre>\n <textarea>\n  k</textarea>'
    assert fixes.unindent(html) == '<p>\na <b>b</b>\nc</p>\n<pre><code>x\n    y</code></pre>\n<textarea>\n  k</textarea>'


# Records each time a stylesheet's address is set, and when (a MutationObserver sees
# even a set that leaves the value as it was).
SHEET_HREF_SETS = """window.__hrefSets = [];
new MutationObserver(records => records.forEach(r => {
  if (r.target.rel === 'stylesheet') window.__hrefSets.push([r.target.getAttribute('href'), performance.now()]);
})).observe(document, {subtree: true, attributes: true, attributeFilter: ['href']});"""


def test_no_stylesheet_address_is_set_once_the_page_is_painted(browser, base_url):
    # The theme sets every address on the page again when it starts; a stylesheet
    # whose address is set is reloaded, and after the first paint the whole page is
    # restyled again (it once flashed unstyled for a frame). main.html sets their
    # addresses (absolute) in <head>, before anything is painted, and the theme then
    # leaves them alone. A widget's own stylesheet loads late on purpose; the
    # one-page version runs no theme script.
    # Timing the sheets' load events instead is a race: the reload's load event can
    # come 10 ms before the first paint, or after it, though the sheet was in time.
    page = new_page(browser)
    page.add_init_script(script=SHEET_HREF_SETS)
    for path in ("", "startup-vs-big-tech/choosing/", "reference/whole-guide/"):
        page.goto(base_url + path)
        paint = page.evaluate("performance.getEntriesByName('first-contentful-paint')[0].startTime")
        sets = [(href, at) for href, at in page.evaluate("window.__hrefSets") if "/widgets/" not in href]
        sheets = page.evaluate("[...document.querySelectorAll('link[rel=stylesheet]')].filter(l => !l.href.includes('/widgets/')).length")
        if page.evaluate("document.documentElement.classList.contains('no-js')"):
            assert sets == [], f"/{path}: a page without the theme's script set {sets}"
            continue
        early = {href for href, at in sets if at <= paint}
        assert len(early) == sheets, f"/{path}: main.html set {len(early)} of {sheets} stylesheet addresses before the first paint: {sets}"
        late = [href for href, at in sets if at > paint]
        assert not late, f"/{path}: set again after the first paint, so reloaded: {late}"
    page.context.close()


def test_the_built_stylesheets_carry_no_comments(site):
    # Comments explain the rules to authors; readers would download them on every page.
    sheets = sorted((ROOT / "docs").rglob("*.css"))
    assert len(sheets) >= 3, "expected extra.css and the widgets' stylesheets"
    for path in sheets:
        name = path.relative_to(ROOT / "docs").as_posix()
        source = path.read_text(encoding="utf-8")
        built = (site.dir / name).read_text(encoding="utf-8")
        assert "/*" in source, f"{name}: expected commented source"
        assert "/*" not in built, f"{name}: the built copy still has comments (stylesheets.py)"
        assert re.sub(r"\s+", "", built) == re.sub(r"\s+", "", re.sub(r"/\*.*?\*/", "", source, flags=re.S))


def test_the_theme_stylesheet_is_copied_with_its_whole_page_restyles_rewritten(site, tmp_path):
    # stylesheets.py rewrites two kinds of rule in the theme's main.css (why: its
    # docstring; what it buys: test_a_class_change_restyles_only_what_it_can_affect).
    fixes = hook("stylesheets")
    built = sorted((site.dir / "assets/stylesheets").glob("main.*.min.css"))
    assert len(built) == 1, built
    source = (Path(material.__file__).parent / "templates/assets/stylesheets" / built[0].name).read_text(encoding="utf-8")
    css = built[0].read_text(encoding="utf-8")
    assert css != source and css == fixes.restyle_less(source)
    assert "table:not([class])" not in css and ".md-typeset__table>table" in css
    no_js_tabs = re.findall(r"\.no-js \.md-typeset \.tabbed-set[^,{]*", css)
    assert no_js_tabs and all(re.search(r"\.tabbed-labels>label:(first|nth)-child", s) for s in no_js_tabs), no_js_tabs[:3]
    assert fixes.restyle_less(css) == css  # a rebuild under `mkdocs serve --dirty` keeps the built copy
    with pytest.raises(PluginError, match="stylesheets.py"):
        fixes.restyle_less(".md-typeset table{margin:0}")


def test_the_one_page_version_carries_its_stylesheets_as_built(site):
    # On a simulated phone its 100 KB of HTML takes four round trips, and stylesheets
    # it linked would be asked for only after that: one more (LCP 1.66 s, over 1.6).
    assert inline_styles() == {"reference/whole-guide/"}
    linked = re.findall(r'<link rel="stylesheet" href="(?:\.\./)+([^"]+)">', site.html("reference/about/"))
    assert len(linked) == 3, linked
    built = [re.sub(r"/\*# sourceMappingURL=[^*]*\*/\s*$", "", (site.dir / ref).read_text(encoding="utf-8")) for ref in linked]
    for path in inline_styles():
        html = site.html(path)
        assert '<link rel="stylesheet"' not in html, f"/{path}: still links a stylesheet"
        head = html.split("</head>", 1)[0]
        # Besides them, only its sections' sizes (whole_guide.py).
        sizes = re.compile(r"(#[\w-]+\{contain-intrinsic-size:auto \d+px\})+@media[^{]*\{.*\}", re.S)
        styles = [s for s in re.findall(r"<style>(.*?)</style>", head, re.S) if not sizes.fullmatch(s)]
        assert styles == built, f"/{path}: its styles are not the built stylesheets, in order"


def test_a_page_that_carries_its_stylesheets_is_left_out_of_the_sitemap(site):
    # The theme's instant navigation takes over only the links sitemap.xml lists.
    listed = re.findall(r"<loc>([^<]+)</loc>", site.dir.joinpath("sitemap.xml").read_text(encoding="utf-8"))
    paths = {url.split(PREFIX, 1)[1] for url in listed}
    assert paths == set(PAGES) - inline_styles(), paths ^ set(PAGES)
    assert gzip.decompress(site.dir.joinpath("sitemap.xml.gz").read_bytes()).decode() == \
        site.dir.joinpath("sitemap.xml").read_text(encoding="utf-8")
    fixes = hook("stylesheets")
    sitemap = "<urlset>\n<url>\n<loc>https://x/a/</loc>\n</url>\n<url>\n<loc>https://x/b/?q=1&amp;r=2</loc>\n</url>\n</urlset>"
    assert fixes.leave_out(sitemap, {"https://x/b/?q=1&r=2"}) == "<urlset>\n<url>\n<loc>https://x/a/</loc>\n</url>\n</urlset>"
    with pytest.raises(PluginError, match="leave_out"):
        fixes.leave_out(sitemap, {"https://x/c/"})
