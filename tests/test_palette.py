"""The colour palette: the system's scheme from the first paint, a reader's choice kept
across pages, and the toggle (overrides/partials/javascripts/palette.html)."""

from __future__ import annotations


import pytest

from helpers import PHONE, SCHEMES, follow, new_page, scheme_of, wait_until


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
    # Once the page sees the change, and a frame later its listeners have run.
    wait_until(page, "() => matchMedia('(prefers-color-scheme: dark)').matches")
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    assert scheme_of(page) == "default"
