"""Everything works from the keyboard, and the focus can always be seen."""

from __future__ import annotations

import re

import pytest

from helpers import PHONE, SIZES, new_page, search, tab_through, wait_until


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
    # The search closes with a short transition.
    wait_until(page, "() => !document.getElementById('__search').checked && document.getAnimations().every(a => a.playState !== 'running')")
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
    page.goto(base_url + "conclusion/")
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


@pytest.mark.parametrize("size", SIZES)
def test_focus_is_always_visible(browser, base_url, size):
    page = new_page(browser, SIZES[size])
    page.goto(base_url + "differentiators/metrics/")
    hidden = tab_through(page, 40)
    assert not hidden, hidden
    page.context.close()


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
