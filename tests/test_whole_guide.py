"""The one-page version in Chromium: no theme script, and only the sections near the
screen laid out (its content is checked in test_garden.py)."""

from __future__ import annotations

import re

import pytest

from helpers import SIZES, new_page, scheme_of, tab_through, wait_until


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
    # skipped section: each has a tab stop from the build (scroll_regions.py).
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


@pytest.mark.parametrize("size", SIZES)
def test_each_skipped_section_keeps_room_for_all_its_content(browser, base_url, size):
    # A skipped section is as tall as its placeholder and clips what overflows it:
    # axe and Lighthouse then take that content for hidden, or read its colours from
    # whatever lies there (the footer). whole_guide.py sizes each from its text.
    page = new_page(browser, SIZES[size])
    page.goto(base_url + "reference/whole-guide/")
    room = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('.mdx-whole-guide__page')]
        .map(s => [s.id, parseFloat(getComputedStyle(s).containIntrinsicHeight.replace('auto', ''))]))""")
    page.evaluate("""() => document.querySelectorAll('.mdx-whole-guide__page')
        .forEach(s => s.style.contentVisibility = 'visible')""")
    needed = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('.mdx-whole-guide__page')]
        .map(s => [s.id, s.getBoundingClientRect().height]))""")
    short = [f"#{name}: room for {room[name]:.0f} px, needs {needed[name]:.0f}" for name in needed if room[name] < needed[name]]
    assert len(needed) > 20 and not short, "\n".join(short)
    # Not so much room that the scroll bar says the page is twice its length.
    assert sum(room.values()) < 2 * sum(needed.values())
    page.context.close()
