"""The page is laid out once: nothing moves when the rest of it, the theme or a table
arrives, a class change restyles only what it can affect, and the logo stands out.
Screenshots land in test-output/screenshots to look at."""

from __future__ import annotations

import json
import re

import pytest

from helpers import CHROMIUM_ARGS, DESKTOP, PAGES, PHONE, ROOT, SCHEMES, SIZES, chromium_path, new_page

SHOTS = ROOT / "test-output" / "screenshots"


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


TABLE_PLACES = "() => [...document.querySelectorAll('table')].map(t => { const r = t.getBoundingClientRect(); return [r.x, r.y].map(Math.round).join(','); })"


# The page as the parser leaves it right after table k's start tag: the table empty,
# and nothing after it.
CUT_AFTER_TABLE = """k => {
  const table = document.querySelectorAll('table')[k];
  table.replaceChildren();
  for (let e = table; e !== document.documentElement; e = e.parentNode)
    while (e.nextSibling) e.nextSibling.remove();
}"""


@pytest.mark.parametrize("size", SIZES)
def test_a_table_whose_rows_have_not_arrived_sits_where_the_whole_table_will(browser, base_url, size):
    # Chromium may paint a page while its parser is inside a table, before any row has
    # arrived: the table is then an empty box. Its place must not depend on its rows,
    # or the whole table moves when they come (a layout shift, seen in CI at 1350x940).
    # Each page is cut off after each table's start tag in turn, last table first, as a
    # paint in the middle of parsing sees it. The one-page version's tables are the other pages'.
    page = new_page(browser, SIZES[size], java_script_enabled=False)
    moved, tables = [], 0
    for path in [p for p in PAGES if p != "reference/whole-guide/"]:
        page.goto(base_url + path)
        whole = page.evaluate(TABLE_PLACES)
        tables += len(whole)
        for k in reversed(range(len(whole))):
            page.evaluate(CUT_AFTER_TABLE, k)
            half = page.evaluate(TABLE_PLACES)[k]
            if half != whole[k]:
                moved.append(f"/{path}: table {k + 1} at {half} before its rows, at {whole[k]} with them")
    page.context.close()
    assert tables > 20, "the pages should hold tables to check"
    assert not moved, "\n".join(moved)


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
    # restyle every element inside, the whole page for <html>: stylesheets.py rewrites
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
