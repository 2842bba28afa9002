"""Moving around the guide as a reader does: instant navigation to every page, the
phone's drawer, the table of contents, back to top, and links without JavaScript."""

from __future__ import annotations



from helpers import PAGES, PHONE, THEME_RUNNING, follow, inline_styles, new_page, wait_until


def test_instant_navigation_reaches_every_page_and_runs_the_site_script(page, base_url):
    # A page that carries its stylesheets (the one-page version) is an ordinary page
    # load: in place, the theme would drop the stylesheets it does not link, and the
    # first page's policy would block the ones it carries (stylesheets.py).
    # It runs no theme script either, so a link from it is an ordinary load too.
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
    wait_until(page, "() => window.scrollY > 2000")
    page.mouse.wheel(0, -400)
    button = page.locator(".md-top")
    button.wait_for(state="visible")
    button.click()
    wait_until(page, "() => window.scrollY === 0")


def test_without_javascript_a_link_is_an_ordinary_page_load(browser, base_url):
    page = new_page(browser, PHONE, java_script_enabled=False)
    page.goto(base_url)
    page.locator("article a[href]").filter(has_text="Start with the foundations").click()
    page.wait_for_url(base_url + "foundations/")
    page.context.close()
