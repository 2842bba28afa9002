"""One visit to every page per width and colour scheme, collecting everything the
per-page tests check (tests/test_pages.py): axe before and after the scripts run,
console errors, requests to other hosts, policy violations, layout shifts, the page's
width, boxes that scroll sideways without a named tab stop, and where tables sit."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field

from helpers import CHROMIUM_ARGS, PAGES, PHONE, ROOT, THEME_RUNNING, PageWatch, chromium_path, wait_until

# A laptop's width, and the height of Lighthouse's desktop, which shows more of a page
# than a laptop: what moves low on the first screen counts there too.
DESKTOP = {"width": 1366, "height": 940}
SIZES = {"phone": PHONE, "desktop": DESKTOP}
SCHEMES = ("light", "dark")
# Every page, and the 404 page.
VISITED = [*PAGES, "no/such/page/"]

AXE = ROOT / "node_modules/axe-core/axe.min.js"
# axe comes from the site's own address, so the page's policy lets it run.
AXE_PATH = "__tests__/axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# A box that scrolls must take the focus; axe files the rule under best practice.
# Only violations are gathered, which makes a run several times faster.
AXE_RUN = """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],
    rules: {'scrollable-region-focusable': {enabled: true}}})"""
SCRIPTS = "**/assets/javascripts/**"
IMAGES = re.compile(r"\.(svg|png|jpe?g|gif|webp|avif)$")

# Recorded from the start of each document: policy violations, tables taken out of
# the page (the theme does that to wrap one), and every layout shift with what moved
# (tag.class, x,y,w,h before => after).
RECORD = r"""window.__csp = [];
window.__tablesOut = 0;
new MutationObserver(records => records.forEach(r => r.removedNodes.forEach(n => {
  if (n.nodeType === 1 && (n.matches('table') || n.querySelector('table'))) window.__tablesOut++;
}))).observe(document, {childList: true, subtree: true});
document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
window.__shifts = [];
new PerformanceObserver(list => list.getEntries().forEach(entry => {
  if (entry.hadRecentInput) return;
  const box = r => [r.x, r.y, r.width, r.height].map(Math.round).join(',');
  const what = entry.sources.map(s => {
    const el = s.node && s.node.nodeType === 1 ? s.node : s.node && s.node.parentElement;
    const name = el ? el.tagName.toLowerCase() + [...el.classList].map(c => '.' + c).join('') : '?';
    return `${name} ${box(s.previousRect)} => ${box(s.currentRect)}`;
  });
  // A table's own parts moving while the parser is still in the document: its columns
  // change width as its rows arrive, which only a fixed table layout would prevent.
  const parsed = performance.getEntriesByType('navigation')[0].domInteractive;
  const parsing = !parsed || entry.startTime < parsed;
  const inTable = entry.sources.every(s => s.node && s.node.nodeType === 1 && s.node.closest('tbody, thead'));
  if (parsing && inTable) return;
  window.__shifts.push(`${entry.value.toFixed(4)}: ${what.join('; ')}`);
})).observe({type: 'layout-shift', buffered: true});"""

NEXT_FRAME = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))"

# Boxes that scroll sideways but that the keyboard cannot reach, or that have no name.
UNREACHABLE = r"""() => [...document.querySelectorAll('.md-content *')].filter(e => {
    const style = getComputedStyle(e);
    return /auto|scroll/.test(style.overflowX) && e.scrollWidth > e.clientWidth + 1 && e.getClientRects().length;
  }).filter(e => e.tabIndex < 0 || !(e.getAttribute('aria-label') || e.getAttribute('aria-labelledby')))
    .map(e => e.tagName.toLowerCase() + [...e.classList].map(c => '.' + c).join(''))"""

# Each table's box, its outermost wrapper's, and the top of what follows, as text.
TABLE_BOXES = r"""() => [...document.querySelectorAll('.md-content table')]
  .filter(t => !t.closest('[data-mdx-widget]')).map(t => {
    let outer = t;
    for (let e = t.parentElement; e; e = e.parentElement) if (e.matches('.md-typeset__scrollwrap')) outer = e;
    const box = e => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].map(Math.round).join(','); };
    const next = outer.nextElementSibling;
    return `table ${box(t)}, wrapper ${box(outer)}, next ${next ? next.tagName + ' at ' + Math.round(next.getBoundingClientRect().y) : '-'}`;
  })"""


@dataclass
class Visit:
    """What one page showed in one visit."""

    axe: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    csp: list[str] = field(default_factory=list)
    shifts: list[str] = field(default_factory=list)
    too_wide: int = 0
    unreachable: list[str] = field(default_factory=list)
    tables: list[str] = field(default_factory=list)
    tables_out: int = 0
    unstyled_tables: int = 0
    text: int = 0


def scroll_bar_browser(browser):
    """A second Chromium that shows scroll bars, as on Windows and Linux (and in
    Lighthouse): one that comes or goes makes room or takes it, a layout shift."""
    return browser.browser_type.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS,
                                       ignore_default_args=["--hide-scrollbars"])


def axe(page, moment: str) -> list[str]:
    # axe reads a colour from what is painted at a point, and the one-page version
    # paints only the sections near the screen: it is shown whole for axe.
    page.evaluate("""() => document.querySelectorAll('.mdx-whole-guide__page')
        .forEach(section => section.style.contentVisibility = 'visible')""")
    page.evaluate(NEXT_FRAME)
    if not page.evaluate("() => !!window.axe"):
        page.add_script_tag(url=AXE_PATH)
    result = page.evaluate(AXE_RUN, WCAG)
    return [f"{moment}: {v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]


def visit(page, base_url: str, path: str) -> Visit:
    """Load one page with its scripts and images held back; check it as built, then
    let the scripts run, then the images come, and check it again."""
    seen = Visit()
    errors, foreign = len(page.watch.errors), len(page.watch.foreign)
    scripts, images = [], []
    page.route(SCRIPTS, lambda route: scripts.append(route))
    page.route(IMAGES, lambda route: images.append(route))
    page.goto(base_url + path, wait_until="domcontentloaded")
    # The page asks for its scripts after its first paint (overrides/main.html).
    deadline = time.monotonic() + 10
    while not scripts and time.monotonic() < deadline:
        page.wait_for_timeout(20)
    assert scripts, f"/{path} asked for no script"
    seen.axe += axe(page, "as built")
    page.unroute(SCRIPTS)
    for route in scripts:
        route.continue_()
    wait_until(page, THEME_RUNNING)
    page.unroute(IMAGES)
    for route in images:
        route.continue_()
    wait_until(page, "() => [...document.images].every(i => i.complete || i.loading === 'lazy')")
    page.evaluate(NEXT_FRAME)
    seen.axe += axe(page, "with its scripts")
    seen.csp = page.evaluate("window.__csp")
    seen.shifts = page.evaluate("window.__shifts")
    seen.too_wide = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    seen.unreachable = page.evaluate(UNREACHABLE)
    seen.tables = page.evaluate(TABLE_BOXES)
    seen.tables_out = page.evaluate("window.__tablesOut")
    seen.unstyled_tables = page.evaluate("""[...document.querySelectorAll('.md-content table.mdx-table')]
        .filter(t => getComputedStyle(t).borderTopStyle !== 'solid').length""")
    seen.errors = page.watch.errors[errors:]
    if path not in PAGES:  # the 404 page answers with its status
        seen.errors = [e for e in seen.errors if "status of 404" not in e]
    seen.foreign = page.watch.foreign[foreign:]
    return seen


def crawl(browser, base_url: str, size: str, scheme: str) -> dict[str, Visit]:
    assert AXE.is_file(), "run `make test` (npm ci installs axe-core)"
    context = browser.new_context(viewport=SIZES[size], color_scheme=scheme)
    context.add_init_script(RECORD)
    context.route(f"**/{AXE_PATH}", lambda route: route.fulfill(path=AXE, content_type="text/javascript"))
    page = context.new_page()
    page.watch = PageWatch(page)
    page.javascript = False  # goto must not wait for the theme: its scripts are held
    try:
        return {path: visit(page, base_url, path) for path in VISITED}
    finally:
        context.close()


def crawl_without_javascript(browser, base_url: str, size: str) -> dict[str, Visit]:
    context = browser.new_context(viewport=SIZES[size], java_script_enabled=False)
    page = context.new_page()
    page.javascript = False
    found = {}
    for path in PAGES:
        page.goto(base_url + path)
        found[path] = Visit(tables=page.evaluate(TABLE_BOXES), text=len(page.locator("article").inner_text()))
    context.close()
    return found
