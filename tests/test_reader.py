"""What a reader does, in real Chromium, at phone and desktop widths, in the light
and the dark scheme: search, navigate, use the keyboard; and what every page must
be: accessible (axe-core, WCAG 2.2 A and AA), quiet (no console error, no request
elsewhere), narrow enough for a phone, readable without JavaScript, valid HTML."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from conftest import CHROMIUM_ARGS, ROOT, THEME_RUNNING, PageWatch, chromium_path, search, wait_until
from test_build import nav_files, url_of
from test_content import glossary_terms

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}
SIZES = {"phone": PHONE, "desktop": DESKTOP}
SCHEMES = ["light", "dark"]
PAGES = [url_of(src) if src != "index.md" else "" for src in nav_files()]
SHOTS = ROOT / "test-output" / "screenshots"


def new_page(browser, size=DESKTOP, scheme="light", **options):
    context = browser.new_context(viewport=size, color_scheme=scheme, **options)
    tab = context.new_page()
    tab.watch = PageWatch(tab)
    tab.javascript = options.get("java_script_enabled", True)
    return tab


def scheme_of(page) -> str:
    return page.locator("body").get_attribute("data-md-color-scheme")


# --- Search ----------------------------------------------------------------------------

def test_a_search_result_lands_on_its_section_with_the_terms_highlighted(page, base_url):
    page.goto(base_url)
    results = search(page, "calibration")
    link = results.locator("a").filter(has_text=re.compile("calibrat", re.I)).first
    link.click()
    page.wait_for_url(re.compile(r"h=calibration"))
    marks = page.locator("article mark[data-md-highlight]")
    marks.first.wait_for()
    assert marks.first.inner_text().lower().startswith("calibration")


def test_a_glossary_term_is_a_result_of_its_own_that_lands_on_the_term(page, base_url):
    page.goto(base_url)
    results = search(page, "hallucination")
    term = results.locator('a[href*="reference/glossary/"][href$="#hallucination"]')
    assert term.count() == 1, "no result for the glossary entry"
    # Its preview is the one definition, not the whole glossary.
    assert 50 < len(term.inner_text()) < 500, term.inner_text()
    term.click()
    page.wait_for_url(re.compile(r"reference/glossary/.*#hallucination$"))
    # Instant navigation changes the address before it swaps the content in.
    top = wait_until(page, "() => { const term = document.getElementById('hallucination'); const r = term && term.getBoundingClientRect(); return r && r.height && r.top; }")
    assert 0 < top < 300


@pytest.mark.parametrize("headword", sorted(glossary_terms().values()))
def test_every_glossary_term_finds_a_page_that_explains_it(page, base_url, headword):
    # A glossary headword such as "Large language model (LLM)" is searched by its name.
    query = re.sub(r"\s*\(.*?\)", "", headword)
    page.goto(base_url)
    results = search(page, query)
    hrefs = results.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any("reference/glossary" not in href for href in hrefs), f"{query}: only the glossary: {hrefs}"


def test_a_search_share_link_reopens_the_same_search(page, base_url):
    page.goto(base_url + "?q=confident+errors")
    box = page.get_by_role("textbox", name="Search")
    box.wait_for()
    assert box.input_value() == "confident errors"
    page.locator(".md-search-result__item").first.wait_for()


# Questions in a reader's words, and the page that answers them.
QUESTIONS = {
    "do I need a DPIA": "differentiators/more-stakeholders/",
    "which metric should I optimize": "differentiators/metrics/",
    "how often should we retrain": "differentiators/continuous-iteration/",
    "startup or big tech": "startup-vs-big-tech/",
    "confident errors": "differentiators/metrics/",
    "automate or augment": "foundations/does-it-need-ai/",
    "interview questions": "startup-vs-big-tech/choosing/",
    "GDPR": "differentiators/more-stakeholders/",
    # Words that are in nearly every page: a tag with one of them outranks the answer.
    "EU AI Act": "differentiators/more-stakeholders/",
    "NIST AI RMF": "differentiators/more-stakeholders/",
}


@pytest.mark.parametrize("question", QUESTIONS)
def test_a_plain_words_question_finds_the_right_page_first(page, base_url, question):
    page.goto(base_url)
    first = search(page, question).first.locator("a").first.get_attribute("href")
    assert first.split("?")[0].startswith(base_url + QUESTIONS[question]), first


# --- Navigation ------------------------------------------------------------------------

def follow(page, href):
    """Click a link to href from the current page, as a reader would."""
    page.evaluate("""href => {
        const a = document.createElement('a'); a.href = href; a.textContent = 'go';
        document.querySelector('article').append(a); a.click(); }""", href)


def test_instant_navigation_reaches_every_page_and_runs_the_site_script(page, base_url):
    # A page that carries its stylesheets (the one-page version) is an ordinary page
    # load: in place, the theme would drop the stylesheets it does not link, and the
    # first page's policy would block the ones it carries (theme_fixes.py).
    # It runs no theme script either, so a link from it is an ordinary load too.
    from test_budgets import inline_styles
    carry_styles = inline_styles()
    page.goto(base_url)
    page.evaluate("window.__sameDocument = true")
    previous = ""
    for path in PAGES[1:]:
        follow(page, base_url + path)
        page.wait_for_url(base_url + path)
        page.locator("article h1").first.wait_for()
        if path in carry_styles or previous in carry_styles:
            assert not page.evaluate("window.__sameDocument"), f"{path} was swapped in place"
            assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
            wait_until(page, THEME_RUNNING)
            page.evaluate("window.__sameDocument = true")
        else:
            assert page.evaluate("window.__sameDocument"), f"{path} was a full page load"
        previous = path
        # The site's script ran for this page: every widget on it mounted.
        wait_until(page, "() => !document.querySelector('[data-mdx-widget]:not([data-mdx-mounted])')")
    assert page.watch.errors == []


def test_the_phone_drawer_opens_navigates_and_closes(browser, base_url):
    page = new_page(browser, PHONE)
    page.goto(base_url)
    page.get_by_role("button", name="Open navigation").click()
    drawer = page.locator(".md-sidebar--primary")
    link = drawer.get_by_role("link", name="Foundations", exact=True)
    link.wait_for(state="visible")
    link.click()
    page.wait_for_url(base_url + "foundations/")
    wait_until(page, "() => !document.getElementById('__drawer').checked")
    page.context.close()


def test_a_toc_link_scrolls_to_its_heading(page, base_url):
    page.goto(base_url + "differentiators/metrics/")
    link = page.locator(".md-sidebar--secondary a.md-nav__link").nth(4)
    target = link.get_attribute("href").split("#")[1]
    link.click()
    wait_until(page, "id => { const r = document.getElementById(id).getBoundingClientRect(); return r.top >= 0 && r.top < 200; }", arg=target)


def test_back_to_top_appears_and_works(page, base_url):
    page.goto(base_url + "differentiators/metrics/")
    page.mouse.move(600, 400)
    page.mouse.wheel(0, 4000)
    page.wait_for_timeout(300)
    page.mouse.wheel(0, -400)
    button = page.locator(".md-top")
    button.wait_for(state="visible")
    button.click()
    wait_until(page, "() => window.scrollY === 0")


def test_the_palette_choice_persists_across_pages_and_reloads(page, base_url):
    page.goto(base_url)
    for _ in range(3):
        if scheme_of(page) == "slate":
            break
        page.locator(".md-header__option label:visible").click()
    assert scheme_of(page) == "slate"
    follow(page, base_url + "foundations/")
    page.wait_for_url(base_url + "foundations/")
    assert scheme_of(page) == "slate"
    page.reload()
    assert scheme_of(page) == "slate"
    page.goto(base_url + "reference/glossary/")
    assert scheme_of(page) == "slate"


# --- Keyboard --------------------------------------------------------------------------

def test_the_skip_link_reaches_the_content(page, base_url):
    page.goto(base_url + "foundations/shared-ground/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    page.keyboard.press("Enter")
    target = wait_until(page, "() => location.hash.slice(1)")
    assert page.evaluate("id => document.getElementById(id).matches('article h1')", target)
    top = page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", target)
    assert 0 <= top < 300


def test_search_works_from_the_keyboard(page, base_url):
    page.goto(base_url)
    search(page, "DPIA")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"differentiators/more-stakeholders/"))


@pytest.mark.parametrize("size", SIZES)
def test_tab_out_of_search_lands_on_something_visible(browser, base_url, size):
    # The theme closes search when Tab leaves the box; the closed results list must not
    # take the focus where no one can see it.
    page = new_page(browser, SIZES[size])
    page.goto(base_url + "differentiators/metrics/")
    page.get_by_role("textbox", name="Search").focus()
    page.keyboard.press("Tab")
    page.wait_for_timeout(400)  # the search closes with a short transition
    focused = page.evaluate("""() => { const el = document.activeElement;
        return el === document.body ? 'body' : el.checkVisibility({visibilityProperty: true, opacityProperty: true}) ? '' : el.outerHTML.slice(0, 80); }""")
    assert focused == "", f"focus went to {focused}"
    page.context.close()


@pytest.mark.parametrize("path", ["foundations/", "reference/whole-guide/"])
def test_the_drawer_works_from_the_keyboard(browser, base_url, path):
    page = new_page(browser, PHONE)
    page.goto(base_url + path)
    button = page.get_by_role("button", name="Open navigation")
    for _ in range(5):
        page.keyboard.press("Tab")
        if button.evaluate("b => b === document.activeElement"):
            break
    assert button.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    wait_until(page, "() => document.getElementById('__drawer').checked")
    assert button.get_attribute("aria-expanded") == "true"
    wait_until(page, "() => document.querySelector('.md-sidebar--primary').contains(document.activeElement)")
    page.keyboard.press("Escape")
    wait_until(page, "() => !document.getElementById('__drawer').checked")
    assert button.evaluate("b => b === document.activeElement")
    # Closed, the drawer's links are out of the tab order.
    wait_until(page, "() => getComputedStyle(document.querySelector('.md-sidebar--primary')).visibility === 'hidden'")
    page.context.close()


def test_search_opens_from_the_phone_header_button(browser, base_url):
    page = new_page(browser, PHONE)
    page.goto(base_url)
    page.get_by_role("button", name="Open search").focus()
    page.keyboard.press(" ")
    wait_until(page, "() => document.getElementById('__search').checked")
    assert page.evaluate("document.activeElement.matches('.md-search__input')")
    page.context.close()


def test_content_tabs_work_from_the_keyboard(page, base_url):
    page.goto(base_url + "startup-vs-big-tech/differentiators-compared/")
    tabs = page.locator(".tabbed-set").first
    radios = tabs.locator(":scope > input")
    radios.nth(0).focus()
    page.keyboard.press("ArrowRight")
    assert radios.nth(1).is_checked()
    assert tabs.locator(".tabbed-block").nth(1).is_visible()
    assert not tabs.locator(".tabbed-block").nth(0).is_visible()


def test_details_open_from_the_keyboard(page, base_url):
    page.goto(base_url + "differentiators/more-stakeholders/")
    summary = page.locator("details summary").first
    summary.focus()
    was_open = summary.evaluate("s => s.parentElement.open")
    page.keyboard.press("Enter")
    assert summary.evaluate("s => s.parentElement.open") != was_open


def test_the_palette_toggle_works_from_the_keyboard(page, base_url):
    page.goto(base_url)
    # The first palette input takes the focus when the reader tabs into the header.
    page.locator("input.md-option").first.focus()
    before = scheme_of(page)
    for _ in range(2):
        page.keyboard.press("ArrowRight")
        if scheme_of(page) != before:
            break
    assert scheme_of(page) != before
    # Enter moves on to the next palette, and the focus with it.
    focused = page.evaluate("document.activeElement.id")
    before = scheme_of(page)
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") != focused
    assert scheme_of(page) != before


# The palette is set up by overrides/partials/javascripts/palette.html as the header
# is parsed, not by the theme's script.
VISIBLE_TOGGLES = "() => [...document.querySelectorAll('.md-header__option label')].filter(l => l.offsetWidth).map(l => l.htmlFor)"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_first_visit_gets_the_systems_scheme_before_the_theme_runs(browser, base_url, scheme):
    page = new_page(browser, PHONE, scheme)
    page.route("**/bundle.*.min.js", lambda route: route.abort())
    page.goto(base_url)
    assert page.evaluate("document.documentElement.classList.contains('no-js')"), "the theme's script ran"
    assert scheme_of(page) == {"light": "default", "dark": "slate"}[scheme]
    # "Follow the system" is chosen; its toggle (to light) is the one shown.
    assert page.evaluate(VISIBLE_TOGGLES) == ["__palette_1"]
    page.context.close()


# The browser's colours follow the header's: its background (a fixed meta in
# main.html), and its colour scheme (set by the palette script).
BROWSER_COLORS = {"light": ("#1f4f7a", "light"), "dark": ("#1f4f7a", "dark")}
BROWSER_COLORS_SET = "expected => ['theme-color', 'color-scheme'].map(name => document.head.querySelector(`meta[name=${name}]`)?.content).join() === expected.join()"
HEADER_COLORS = """(() => { const s = getComputedStyle(document.querySelector('.md-header'));
    return ['#' + s.backgroundColor.match(/\\d+/g).slice(0, 3).map(v => (+v).toString(16).padStart(2, '0')).join(''), s.colorScheme]; })()"""


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_browser_takes_the_headers_colours_without_a_style_calculation_during_parsing(browser, base_url, scheme):
    page = new_page(browser, PHONE, scheme)
    # Reading a computed style while the page is parsed costs a full style calculation
    # in the parser's task. Note every read, and whether a script in the page ran it.
    page.add_init_script("""{ const read = window.getComputedStyle; window.__reads = [];
        window.getComputedStyle = function (...args) {
            __reads.push(document.currentScript ? document.currentScript.src || 'inline' : ''); return read.apply(this, args); }; }""")
    page.goto(base_url + "differentiators/metrics/")
    assert "inline" not in page.evaluate("window.__reads"), "an inline script reads a computed style as the page is parsed"
    assert page.evaluate(BROWSER_COLORS_SET, BROWSER_COLORS[scheme])
    assert page.evaluate(HEADER_COLORS) == list(BROWSER_COLORS[scheme])
    # Follow the system, then light, then dark: the toggle reaches the other scheme.
    other = "dark" if scheme == "light" else "light"
    for _ in range(2 if other == "dark" else 1):
        page.locator(".md-header__option label:visible").click()
    assert page.evaluate(BROWSER_COLORS_SET, BROWSER_COLORS[other])
    assert page.evaluate(HEADER_COLORS) == list(BROWSER_COLORS[other])
    page.context.close()


def test_the_theme_does_not_set_up_the_palette_a_second_time(page, base_url):
    page.goto(base_url)
    assert page.locator("[data-md-component=palette]").count() == 0
    assert page.locator("meta[name=theme-color]").count() == 1
    assert page.evaluate(VISIBLE_TOGGLES) == ["__palette_1"]
    page.locator(".md-header__option label:visible").click()
    assert page.evaluate(VISIBLE_TOGGLES) == ["__palette_2"]
    saved = page.evaluate("JSON.parse(localStorage.getItem(Object.keys(localStorage).find(k => k.endsWith('__palette'))))")
    assert saved == {"index": 1, "color": {"media": "(prefers-color-scheme: light)", "scheme": "default",
                                           "primary": "custom", "accent": "custom"}}


def test_follow_the_system_tracks_the_system_and_a_choice_does_not(page, base_url):
    page.goto(base_url)
    assert scheme_of(page) == "default"
    page.emulate_media(color_scheme="dark")
    wait_until(page, "() => document.body.dataset.mdColorScheme === 'slate'")
    page.emulate_media(color_scheme="light")
    wait_until(page, "() => document.body.dataset.mdColorScheme === 'default'")
    page.locator(".md-header__option label:visible").click()  # choose light
    page.emulate_media(color_scheme="dark")
    page.wait_for_timeout(200)
    assert scheme_of(page) == "default"


@pytest.fixture
def with_scroll_bars(browser):
    """A Chromium that shows scroll bars, as on Windows and Linux (and in Lighthouse).
    Playwright hides them by default; one that comes or goes makes room or takes it."""
    chromium = browser.browser_type.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS,
                                           ignore_default_args=["--hide-scrollbars"])
    yield chromium
    chromium.close()


def test_a_short_first_frame_lays_the_page_out_where_the_whole_page_does(with_scroll_bars, base_url):
    # Chromium may paint a page before it is fully parsed. That frame is too short to
    # scroll; the page must not move sideways when the rest brings a scroll bar.
    page = with_scroll_bars.new_page(viewport=DESKTOP)
    page.goto(base_url + "differentiators/metrics/")
    left = "document.querySelector('.md-main__inner').getBoundingClientRect().left"
    scrolling = page.evaluate(left)
    assert page.evaluate("innerWidth - document.documentElement.clientWidth") > 0, "no scroll bar shown"
    page.evaluate("document.querySelector('.md-content').hidden = true")
    assert page.evaluate("document.documentElement.scrollHeight <= innerHeight")
    assert page.evaluate(left) == scrolling


# Every layout shift the page makes, with what moved: tag.class, and x,y,w,h before => after.
RECORD_SHIFTS = r"""window.__shifts = [];
new PerformanceObserver(list => list.getEntries().forEach(entry => {
  if (entry.hadRecentInput) return;
  const box = r => [r.x, r.y, r.width, r.height].map(Math.round).join(',');
  const what = entry.sources.map(s => {
    const el = s.node && s.node.nodeType === 1 ? s.node : s.node && s.node.parentElement;
    const name = el ? el.tagName.toLowerCase() + [...el.classList].map(c => '.' + c).join('') : '?';
    return `${name} ${box(s.previousRect)} => ${box(s.currentRect)}`;
  });
  window.__shifts.push(`${entry.value.toFixed(4)}: ${what.join('; ')}`);
})).observe({type: 'layout-shift', buffered: true});"""

NEXT_FRAME = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))"


# Lighthouse's desktop shows more of a page than DESKTOP: what moves low on the first
# screen counts there too (a table ending on screen, before the theme wrapped it).
LIGHTHOUSE_DESKTOP = {"width": 1350, "height": 940}


@pytest.mark.parametrize("size", [*SIZES, "lighthouse desktop"])
def test_no_page_moves_while_it_loads_even_when_its_images_come_late(with_scroll_bars, base_url, size):
    # CLS 0: an image whose box has no size until its file arrives moves what follows it.
    # Images are held back until the page has painted and the theme has started.
    page = new_page(with_scroll_bars, SIZES.get(size, LIGHTHOUSE_DESKTOP))
    page.add_init_script(RECORD_SHIFTS)
    held = []
    page.route(re.compile(r"\.(svg|png|jpe?g|gif|webp|avif)$"), lambda route: held.append(route))
    moved = []
    for path in PAGES:
        page.goto(base_url + path, wait_until="domcontentloaded")
        page.evaluate(NEXT_FRAME)
        images = page.evaluate("[...document.images].filter(i => i.getClientRects().length).length")
        while held:
            held.pop().continue_()
        wait_until(page, "() => [...document.images].every(i => i.complete || i.loading === 'lazy')")
        page.evaluate(NEXT_FRAME)
        moved += [f"/{path} ({images} images shown): {shift}" for shift in page.evaluate("window.__shifts")]
    page.context.close()
    assert not moved, "\n".join(moved)


# Each table's box, its outermost wrapper's, and the top of what follows, as text.
TABLE_BOXES = r"""() => [...document.querySelectorAll('.md-content table')]
  .filter(t => !t.closest('[data-mdx-widget]')).map(t => {
    let outer = t;
    for (let e = t.parentElement; e; e = e.parentElement) if (e.matches('.md-typeset__scrollwrap')) outer = e;
    const box = e => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].map(Math.round).join(','); };
    const next = outer.nextElementSibling;
    return `table ${box(t)}, wrapper ${box(outer)}, next ${next ? next.tagName + ' at ' + Math.round(next.getBoundingClientRect().y) : '-'}`;
  })"""


@pytest.mark.parametrize("size", SIZES)
def test_the_theme_leaves_every_table_where_it_was(browser, base_url, size):
    # The theme wraps each table in two boxes as it starts. Written that way at build
    # time, a table is where it will stay from the first frame, on any screen height:
    # nothing moves when the theme runs (on the first screen, that is a layout shift).
    moved = []
    with_theme, without = new_page(browser, SIZES[size]), new_page(browser, SIZES[size], java_script_enabled=False)
    for path in PAGES:
        with_theme.goto(base_url + path)
        with_theme.evaluate(NEXT_FRAME)
        without.goto(base_url + path)
        for after, before in zip(with_theme.evaluate(TABLE_BOXES), without.evaluate(TABLE_BOXES), strict=True):
            if after != before:
                moved.append(f"/{path}: {before} => {after}")
    with_theme.context.close()
    without.context.close()
    assert not moved, "\n".join(moved)


TABLE_PLACES = "() => [...document.querySelectorAll('table')].map(t => { const r = t.getBoundingClientRect(); return [r.x, r.y].map(Math.round).join(','); })"


@pytest.mark.parametrize("size", SIZES)
def test_a_table_whose_rows_have_not_arrived_sits_where_the_whole_table_will(browser, base_url, site, size):
    # Chromium may paint a page while its parser is inside a table, before any row has
    # arrived: the table is then an empty box. Its place must not depend on its rows,
    # or the whole table moves when they come (a layout shift, seen in CI at 1350x940).
    # Each page is cut off right after each table's start tag in turn, as a paint in
    # the middle of parsing sees it. The one-page version's tables are the other pages'.
    page = new_page(browser, SIZES[size], java_script_enabled=False)
    moved, tables = [], 0
    for path in [p for p in PAGES if p != "reference/whole-guide/"]:
        html, url = site.html(path), base_url + path
        page.goto(url)
        whole = page.evaluate(TABLE_PLACES)
        for k, start in enumerate(re.finditer(r"<table\b[^>]*>", html)):
            tables += 1
            cut = html[:start.end()]
            page.route(url, lambda route: route.fulfill(body=cut, content_type="text/html; charset=utf-8"))
            page.goto(url)
            page.unroute(url)
            half = page.evaluate(TABLE_PLACES)[k]
            if half != whole[k]:
                moved.append(f"/{path}: table {k + 1} at {half} before its rows, at {whole[k]} with them")
    page.context.close()
    assert tables > 20, "the pages should hold tables to check"
    assert not moved, "\n".join(moved)


def test_the_theme_takes_no_table_out_of_the_page(page, base_url):
    # The theme wraps a table that has no class by taking it out of the page and
    # putting it back, and Chromium then restyles and lays out the whole table again
    # inside the theme's start-up. The build writes each table wrapped, with a class.
    page.add_init_script("""window.__tablesOut = 0;
new MutationObserver(records => records.forEach(r => r.removedNodes.forEach(n => {
  if (n.nodeType === 1 && (n.matches('table') || n.querySelector('table'))) window.__tablesOut++;
}))).observe(document, {childList: true, subtree: true});""")
    taken_out, unstyled, tables = [], [], 0
    for path in PAGES:
        page.goto(base_url + path)
        tables += page.locator(".md-content table").count()
        if count := page.evaluate("window.__tablesOut"):
            taken_out.append(f"/{path}: {count}")
        # The class must not cost a table the theme's style (its rules are rewritten).
        if count := page.evaluate("""[...document.querySelectorAll('.md-content table.mdx-table')]
                .filter(t => getComputedStyle(t).borderTopStyle !== 'solid').length"""):
            unstyled.append(f"/{path}: {count}")
    assert tables > 20, "the pages should hold tables to check"
    assert not taken_out, "tables the theme took out of the page and put back:\n" + "\n".join(taken_out)
    assert not unstyled, "tables without the theme's table style:\n" + "\n".join(unstyled)


def restyled(browser, page, change: str) -> int:
    """How many elements Chromium restyles after `change` (JavaScript run in the page)."""
    page.evaluate("document.body.offsetHeight")  # nothing left over from before
    browser.start_tracing(page=page, categories=["devtools.timeline", "disabled-by-default-devtools.timeline"])
    page.evaluate(f"() => {{ {change}; document.body.offsetHeight; }}")
    events = json.loads(browser.stop_tracing())["traceEvents"]
    return sum((e["args"].get("elementCount") or (e["args"].get("endData") or {}).get("elementCount") or 0)
               for e in events if e.get("name") == "UpdateLayoutTree" and e.get("ph") == "X")


@pytest.mark.parametrize("path", ["differentiators/metrics/", "startup-vs-big-tech/differentiators-compared/"])
def test_a_class_change_restyles_only_what_it_can_affect(browser, base_url, path):
    # The theme swaps <html>'s classes (no-js for js) inside the task that runs its
    # script. Two kinds of rule in its stylesheet (table:not([class]) ... > :first-child,
    # and a `.no-js` rule for content tabs ending in :first-child) made any class change
    # restyle every element inside, the whole page for <html>: theme_fixes.py rewrites
    # them. Pages with tables, a formula and content tabs.
    page = new_page(browser, PHONE)
    page.goto(base_url + path)
    elements = page.evaluate("document.getElementsByTagName('*').length")
    changes = ["document.documentElement.classList.add('no-js')",
               "document.documentElement.classList.remove('no-js')",
               "document.documentElement.classList.add('mdx-unused')",
               "document.querySelector('.md-content').classList.add('mdx-unused')"]
    counts = {change: restyled(browser, page, change) for change in changes}
    page.context.close()
    assert elements > 400, f"/{path} has {elements} elements: pick a longer page"
    too_many = {change: n for change, n in counts.items() if n > 100}
    assert not too_many, f"/{path} ({elements} elements) restyles: {too_many}"


def contrast(fore: str, back: str) -> float:
    """WCAG contrast ratio of two opaque CSS colours written as rgb(r, g, b)."""
    def luminance(color: str) -> float:
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
                  for c in (int(v) / 255 for v in re.findall(r"\d+", color)[:3])]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    light, dark = sorted((luminance(fore), luminance(back)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_logo_stands_out_from_the_header(browser, base_url, scheme):
    # WCAG 1.4.11: a graphic that marks a control needs 3:1 against what is next to it.
    # The logo is an icon drawn in the text colour of the bar it sits on (mkdocs.yml),
    # in the header and at the top of the phone's drawer.
    assert round(contrast("rgb(255, 255, 255)", "rgb(0, 0, 0)"), 2) == 21 and contrast("rgb(119, 119, 119)", "rgba(119, 119, 119, 1)") == 1
    page = new_page(browser, PHONE, scheme)
    page.goto(base_url)
    logos = page.evaluate("""() => [...document.querySelectorAll('.md-logo')].map(logo => {
      const svg = logo.querySelector(':scope > svg');
      let bar = logo;
      while (getComputedStyle(bar).backgroundColor === 'rgba(0, 0, 0, 0)') bar = bar.parentElement;
      return {where: logo.className, img: !!logo.querySelector('img'), svg: !!svg,
              fill: svg && getComputedStyle(svg.querySelector('path')).fill,
              back: getComputedStyle(bar).backgroundColor};
    })""")
    page.context.close()
    assert len(logos) == 2, logos
    for logo in logos:
        assert logo["svg"] and not logo["img"], f"{logo['where']}: the logo is not drawn inline: {logo}"
        ratio = contrast(logo["fill"], logo["back"])
        assert ratio >= 3, f"{logo['where']} ({scheme}): logo {logo['fill']} on {logo['back']}: {ratio:.2f}:1"


# --- The one-page version: no theme script ----------------------------------------------

@pytest.mark.parametrize("size", SIZES)
def test_the_one_page_version_works_without_the_theme_script(browser, base_url, size):
    page = new_page(browser, SIZES[size])
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(base_url + "reference/whole-guide/")
    assert not [url for url in requested if re.search(r"bundle\.[0-9a-f]{8}\.min\.js$", url)]
    assert page.evaluate("document.documentElement.classList.contains('no-js')")
    # No search without the theme's script, so no search button either.
    assert page.locator(".md-header label[for=__search]:visible").count() == 0
    assert page.get_by_role("button", name="Open search").count() == 0
    # Focus stays visible without the theme's focus helper.
    hidden = tab_through(page, 15)
    assert not hidden, hidden
    # The palette toggle still works: system (light here), then light, then dark.
    for expected in ("default", "slate"):
        page.locator(".md-header__option label:visible").click()
        assert scheme_of(page) == expected
    assert page.watch.errors == []
    page.context.close()


# The one-page version's sections whose content the browser skips (content-visibility).
SKIPPED_SECTIONS = """() => [...document.querySelectorAll('.mdx-whole-guide__page')]
    .filter(s => !s.firstElementChild.checkVisibility({contentVisibilityAuto: true})).map(s => s.id)"""


@pytest.mark.parametrize("size", SIZES)
def test_the_one_page_version_lays_out_only_what_is_near_the_screen(browser, base_url, size):
    # Laying out all 38,000 words at once blocked a simulated phone for most of a second.
    page = new_page(browser, SIZES[size])
    page.goto(base_url + "reference/whole-guide/")
    skipped = page.evaluate(SKIPPED_SECTIONS)
    assert "home" not in skipped and len(skipped) > 15, skipped
    # A table or formula there has no layout yet, but the keyboard can reach into a
    # skipped section: each has a tab stop until it is shown (site.js).
    unreachable = page.evaluate("""() => [...document.querySelectorAll('.mdx-whole-guide__page')]
        .filter(s => !s.firstElementChild.checkVisibility({contentVisibilityAuto: true}))
        .flatMap(s => [...s.querySelectorAll('.md-typeset__scrollwrap, .mdx-math')])
        .filter(r => r.tabIndex !== 0 || r.getAttribute('role') !== 'region').map(r => r.closest('section').id)""")
    assert not unreachable, unreachable
    assert page.evaluate("document.querySelectorAll(':is(.md-typeset__scrollwrap, .mdx-math)[tabindex=\"0\"]').length") > 20
    # A contents link still lands on its section, and the browser shows what is there.
    page.get_by_role("navigation", name="Contents").get_by_role("link", name="Metrics", exact=True).click()
    top = "document.getElementById('differentiators-metrics').getBoundingClientRect().top"
    wait_until(page, f"() => {top} >= 0 && {top} < 150")
    assert "differentiators-metrics" not in page.evaluate(SKIPPED_SECTIONS)
    # Its title (an h2 here) and the reading time under it do not overlap.
    gap = page.evaluate("""() => { const h = document.querySelector('#differentiators-metrics > h2');
        return h.nextElementSibling.getBoundingClientRect().top - h.getBoundingClientRect().bottom; }""")
    assert 4 <= gap <= 16, f"the reading time sits {gap} px under the title"
    # Once shown, a table or formula keeps its tab stop only if it scrolls.
    regions = "[...document.querySelectorAll('#differentiators-metrics :is(.md-typeset__scrollwrap, .mdx-math)')]"
    wait_until(page, f"() => {regions}.every(r => (r.tabIndex === 0) === (r.scrollWidth > r.clientWidth + 1))")
    fits = page.evaluate(f"{regions}.filter(r => r.scrollWidth <= r.clientWidth + 1).length")
    assert fits > 0 or size == "phone", "on a desktop some of metrics' tables fit: the check above saw none"
    # On paper every page is laid out and printed.
    page.emulate_media(media="print")
    assert page.evaluate("[...document.querySelectorAll('.mdx-whole-guide__page')]"
                         ".every(s => getComputedStyle(s).contentVisibility === 'visible')")
    wait_until(page, f"() => ({SKIPPED_SECTIONS})().length === 0")
    assert page.watch.errors == []
    page.context.close()


FOCUS_SHOWN = r"""() => {
  let el = document.activeElement;
  if (el.matches('input.md-option')) el = el.nextElementSibling;  // the label is drawn
  for (let i = 0; el && i < 3; i++, el = el.parentElement) {
    const style = getComputedStyle(el);
    if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) return true;
    // A shadow counts only if some colour in it shows: the header always has a
    // transparent one, which would pass every header button.
    if ((style.boxShadow.match(/rgba?\([^)]*\)/g) || []).some(c => !/,\s*0\)$/.test(c))) return true;
  }
  return false;
}"""


def tab_through(page, tabs: int) -> list[str]:
    """Press Tab so many times; list each stop where the focus could not be seen."""
    hidden, before = [], "the page"
    for step in range(tabs):
        page.keyboard.press("Tab")
        now = page.evaluate("document.activeElement.outerHTML.slice(0, 120)")
        if not page.evaluate(FOCUS_SHOWN):
            hidden.append(f"Tab {step + 1}, after {before}: {now}")
        before = now
    return hidden


@pytest.mark.parametrize("size", SIZES)
def test_focus_is_always_visible(browser, base_url, size):
    page = new_page(browser, SIZES[size])
    page.goto(base_url + "differentiators/metrics/")
    hidden = tab_through(page, 40)
    assert not hidden, hidden
    page.context.close()


# --- Every page: accessibility, errors, width, no JavaScript -----------------------------

AXE = (ROOT / "node_modules/axe-core/axe.min.js")
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("size", SIZES)
def test_axe_finds_no_wcag_violation_on_any_page(browser, base_url, size, scheme):
    assert AXE.is_file(), "run `make test` (npm ci installs axe-core)"
    # axe is injected as an inline script, which the site's CSP would block.
    page = new_page(browser, SIZES[size], scheme, bypass_csp=True)
    found = []
    for path in PAGES + ["no/such/page/"]:
        page.goto(base_url + path)
        # axe reads a colour from what is painted at a point, and the one-page version
        # paints only the sections near the screen: it is shown whole for axe. (Its
        # unpainted sections' tab stops: test_the_one_page_version_lays_out_only_...)
        page.add_style_tag(content=".mdx-whole-guide__page { content-visibility: visible !important }")
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG)
        for violation in result["violations"]:
            targets = [node["target"] for node in violation["nodes"]][:3]
            found.append(f"/{path} {violation['id']}: {targets}")
    page.context.close()
    assert not found, "\n".join(found)


def test_a_table_that_grows_too_wide_becomes_reachable_by_keyboard(page, base_url):
    # site.js watches each table's size: a table that only overflows once layout
    # settles, or once the window narrows, still gets a tab stop and a name.
    page.goto(base_url + "differentiators/metrics/")
    wrap = page.locator(".md-typeset__scrollwrap").first
    assert wrap.get_attribute("tabindex") is None
    wrap.evaluate("w => w.querySelector('td').textContent = 'x'.repeat(400)")
    wait_until(page, "() => document.querySelector('.md-typeset__scrollwrap').tabIndex === 0")
    assert wrap.get_attribute("role") == "region" and wrap.get_attribute("aria-label") == "Table, scrolls sideways"
    wrap.evaluate("w => w.querySelector('td').textContent = 'x'")
    wait_until(page, "() => !document.querySelector('.md-typeset__scrollwrap').hasAttribute('tabindex')")


@pytest.mark.parametrize("size", SIZES)
def test_every_page_is_quiet_and_fits_the_screen(browser, base_url, size):
    page = new_page(browser, SIZES[size])
    problems = []
    for path in PAGES:
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        wide = page.evaluate("document.documentElement.scrollWidth") - SIZES[size]["width"]
        if wide > 0:
            problems.append(f"/{path} scrolls sideways by {wide}px")
    problems += [f"console: {e}" for e in page.watch.errors]
    problems += [f"request elsewhere: {u}" for u in page.watch.foreign]
    page.context.close()
    assert not problems, "\n".join(problems)


def test_without_javascript_every_page_shows_its_text_and_links_work(browser, base_url):
    page = new_page(browser, PHONE, java_script_enabled=False)
    for path in PAGES:
        page.goto(base_url + path)
        text = page.locator("article").inner_text()
        assert len(text) > 200, f"/{path} shows {len(text)} characters without JavaScript"
    page.goto(base_url)
    page.locator("article a[href]").filter(has_text="Start with the foundations").click()
    page.wait_for_url(base_url + "foundations/")
    page.context.close()


# --- Valid HTML --------------------------------------------------------------------------

# Errors the Nu HTML Checker finds in markup that Material's own templates write, which
# cannot be fixed without copying those templates into overrides/ (they would drift
# from the theme and break on upgrade).
THEME_ERRORS = {
    "Attribute “autocomplete” is only allowed when the input type is":
        "base.html puts autocomplete=off on the drawer and search checkboxes, so "
        "Firefox does not restore them open after a reload.",
    "Bad value “” for attribute “tabindex” on element “label”":
        "partials/nav-item.html writes an empty tabindex on section labels when "
        "navigation.sections is on.",
    "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control":
        "partials/toc.html labels the table-of-contents toggle even on pages "
        "whose table of contents is empty or hidden.",
}


def test_no_link_goes_to_a_javascript_address(site):
    # Not a crawlable link (Lighthouse SEO); the theme's search share link had one.
    for path in PAGES + ["404.html"]:
        found = re.findall(r'<a\b[^>]*href="javascript:[^"]*"[^>]*>', site.html(path))
        assert not found, f"/{path}: {found}"


def test_the_html_checker_finds_no_error(site):
    jar = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
    assert jar.is_file(), "run `make test` (npm ci installs vnu-jar)"
    result = subprocess.run(["java", "-jar", str(jar), "--errors-only", "--format", "json",
                             "--skip-non-html", str(site.dir)], capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr)["messages"]
    assert messages, "the checker found nothing at all: is the theme's known markup gone?"
    ours = [m for m in messages if not any(m["message"].startswith(k) for k in THEME_ERRORS)]
    report = [f"{Path(m['url']).parent.name}: {m['message']} | {m.get('extract', '').strip()[:120]}" for m in ours]
    assert not report, "\n".join(report)


# --- Screenshots to look at (not compared pixel by pixel) ---------------------------------

@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("size", SIZES)
def test_screenshots(browser, base_url, size, scheme):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = new_page(browser, SIZES[size], scheme)
    for name, path in [("home", ""), ("metrics", "differentiators/metrics/")]:
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        shot = SHOTS / f"{name}-{size}-{scheme}.png"
        page.screenshot(path=shot, full_page=(name == "home"))
        assert shot.stat().st_size > 10_000
    page.context.close()
