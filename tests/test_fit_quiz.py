"""The "Startup or big tech?" quiz on the choosing page, as a reader uses it in Chromium:
answering with the keyboard, reading the result in the live region, following its links,
sharing the answers through the URL hash, starting over, and arriving by instant
navigation. Expected verdicts are worked out here from the weights the guide implies."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from playwright.sync_api import expect

from helpers import PageWatch

PAGE = "startup-vs-big-tech/choosing/"
QUIZ = ".mdx-fit-quiz"
RESULT = ".mdx-fit-quiz__result"
GROUPS = ["risk", "scope", "data", "pace", "mentors", "review", "pay"]
ANCHORS = ["what-should-you-ask-in-an-interview-at-a-startup", "what-should-you-ask-in-an-interview-at-a-big-tech-company"]

# Startup: risk (2), breadth, small-team product, pace in days, review on your own;
# big tech: pay. 6 against 1.
STARTUP = {"risk": "s", "scope": "s", "data": "s", "pace": "s", "mentors": "n", "review": "s", "pay": "b"}
# Big tech: risk (2), data (2), mentors (2); startup: pace. 6 against 1.
BIG_TECH = {"risk": "b", "scope": "n", "data": "b", "pace": "s", "mentors": "b", "review": "n", "pay": "n"}
# 3 against 3.
BALANCED = {"risk": "s", "scope": "b", "data": "n", "pace": "s", "mentors": "b", "review": "n", "pay": "n"}


def hash_of(answers: dict[str, str]) -> str:
    return "#quiz=" + "-".join(answers[g] for g in GROUPS)


def radios(page, group: str):
    return page.locator(f'{QUIZ} input[name="mdx-fit-quiz-{group}"]')


def checked(page) -> dict[str, str | None]:
    return page.evaluate(
        """groups => Object.fromEntries(groups.map(g => [g,
             document.querySelector(`.mdx-fit-quiz input[name="mdx-fit-quiz-${g}"]:checked`)?.value ?? null]))""",
        GROUPS,
    )


def open_quiz(page, url: str):
    page.goto(url)
    expect(page.locator(RESULT)).not_to_be_empty()


def answer_by_clicking(page, answers: dict[str, str]):
    for group in GROUPS:
        radios(page, group).and_(page.locator(f'[value="{answers[group]}"]')).check()


def assert_clean(page):
    assert page.watch.errors == []
    assert page.watch.foreign == []


# --- The server-rendered HTML -----------------------------------------------------------

def test_the_html_is_accessible_and_its_links_resolve(site):
    soup = BeautifulSoup(site.html(PAGE), "html.parser")
    quiz = soup.select_one('div.mdx-fit-quiz[data-mdx-widget="fit-quiz"]')
    assert quiz is not None
    assert quiz.select_one("p.mdx-fit-quiz__nojs")
    assert not quiz.select("[style], script"), "no inline style or script"
    fieldsets = quiz.select("fieldset")
    assert len(fieldsets) == len(GROUPS) >= 6
    for fieldset, group in zip(fieldsets, GROUPS):
        assert fieldset.legend and fieldset.legend.get_text(strip=True)
        inputs = fieldset.select("input")
        assert sorted(i["value"] for i in inputs) == ["b", "n", "s"]
        for i in inputs:
            assert i["type"] == "radio" and i["name"] == f"mdx-fit-quiz-{group}"
            assert i.parent.name == "label" and i.parent.get_text(strip=True), "each radio has a visible label"
    assert quiz.select_one('[aria-live="polite"].mdx-fit-quiz__result')
    # The result's links are written into the page, relative to it, so they work under
    # any subpath; the in-page ones name headings that exist.
    hrefs = [a["href"] for a in quiz.find("template").find_all("a")]
    assert {"../startups/", "../big-tech/", "../differentiators-compared/"} <= set(hrefs)
    for anchor in ANCHORS:
        assert "#" + anchor in hrefs
        assert soup.find(id=anchor) is not None
    # The quiz sits in its section, after the intro paragraph.
    heading = soup.find(id="quiz-which-fits-you")
    assert heading.find_next("div", class_="mdx-fit-quiz") is quiz
    assert heading.find_next_sibling().name == "p"


# --- A reader in Chromium --------------------------------------------------------------

def test_keyboard_answers_show_the_result_with_reasons_and_links(page, base_url):
    open_quiz(page, base_url + PAGE)
    live = page.locator(RESULT)
    assert live.get_attribute("aria-live") == "polite"
    expect(live).to_have_text(re.compile(r"^7 questions left"))
    expect(page.locator(".mdx-fit-quiz__nojs")).to_be_hidden()

    # Tab from the section's heading link into the first group, then one group at a time.
    page.locator("#quiz-which-fits-you a.headerlink").focus()
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "mdx-fit-quiz-risk":
            break
    for n, group in enumerate(GROUPS):
        if n:
            page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.name") == f"mdx-fit-quiz-{group}"
        values = radios(page, group).evaluate_all("inputs => inputs.map(i => i.value)")
        index = values.index(STARTUP[group])
        if index == 0:
            page.keyboard.press("Space")
        for _ in range(index):
            page.keyboard.press("ArrowDown")
        if n == len(GROUPS) - 2:
            expect(live).to_have_text(re.compile(r"^1 question left"))
    assert checked(page) == STARTUP

    expect(live.locator(".mdx-fit-quiz__verdict")).to_have_text("A startup looks like the better fit for you now.")
    expect(live.locator(".mdx-fit-quiz__score")).to_have_text("Score: startup 6, big tech 1.")
    why, other = live.locator(".mdx-fit-quiz__reasons").all()
    assert why.locator("li").count() == 5  # one sentence per answer that leaned startup
    assert why.locator("li").first.inner_text().startswith("You can carry the risk")  # the heaviest first
    assert other.locator("li").count() == 1 and "salary" in other.inner_text()
    assert page.evaluate("location.hash") == hash_of(STARTUP)

    links = live.locator(".mdx-fit-quiz__links a")
    assert links.evaluate_all("links => links.map(a => a.getAttribute('href'))") == [
        "../startups/", "#" + ANCHORS[0], "../differentiators-compared/", "../big-tech/"]

    # A result link leads to the guide page, and Back brings the answers and result back.
    links.first.click()
    expect(page).to_have_url(re.compile(r"/ai-pm-field-guide/startup-vs-big-tech/startups/$"))
    expect(page.locator("h1")).to_have_text(re.compile("^AI product work at a startup"))
    page.go_back()
    expect(page.locator(f"{RESULT} .mdx-fit-quiz__verdict")).to_have_text(re.compile("^A startup"))
    assert checked(page) == STARTUP
    assert_clean(page)


def test_in_page_link_lands_on_its_heading_and_keeps_the_answers(page, base_url):
    open_quiz(page, base_url + PAGE + hash_of(BIG_TECH))
    link = page.locator(f"{RESULT} .mdx-fit-quiz__links a", has_text="big tech interview")
    link.click()
    expect(page).to_have_url(re.compile("#" + ANCHORS[1] + "$"))
    expect(page.locator("#" + ANCHORS[1])).to_be_in_viewport()
    # Material swaps in a fresh copy of the page; the quiz keeps its answers and the anchor.
    expect(page.locator(f"{RESULT} .mdx-fit-quiz__verdict")).to_have_text(re.compile("^Big tech"))
    assert checked(page) == BIG_TECH
    assert page.evaluate("location.hash") == "#" + ANCHORS[1]
    assert_clean(page)


def test_a_shared_link_restores_answers_and_result(page, base_url):
    open_quiz(page, base_url + PAGE)
    answer_by_clicking(page, BIG_TECH)
    expect(page.locator(f"{RESULT} .mdx-fit-quiz__verdict")).to_have_text("Big tech looks like the better fit for you now.")
    shared = page.url
    assert shared.endswith(PAGE + hash_of(BIG_TECH))
    # Changing an answer rewrites the hash in place, without adding history entries.
    length = page.evaluate("history.length")
    radios(page, "risk").and_(page.locator('[value="s"]')).check()
    assert page.evaluate("location.hash") == hash_of({**BIG_TECH, "risk": "s"})
    assert page.evaluate("history.length") == length

    other = page.context.new_page()
    other.goto(shared)
    expect(other.locator(f"{RESULT} .mdx-fit-quiz__verdict")).to_have_text("Big tech looks like the better fit for you now.")
    assert checked(other) == BIG_TECH
    assert other.locator(f"{RESULT} .mdx-fit-quiz__reasons").first.locator("li").count() == 3
    expect(other.locator(RESULT)).to_be_in_viewport()
    assert other.evaluate("location.hash") == hash_of(BIG_TECH)
    other.close()
    assert_clean(page)


def test_a_balanced_set_says_it_depends(page, base_url):
    open_quiz(page, base_url + PAGE + hash_of(BALANCED))
    live = page.locator(RESULT)
    expect(live.locator(".mdx-fit-quiz__verdict")).to_have_text("Either could fit — it depends on the team.")
    expect(live.locator(".mdx-fit-quiz__score")).to_have_text(
        "Score: startup 3, big tech 3. A gap of 1 point or less counts as a tie.")
    labels = live.locator(".mdx-fit-quiz__label").all_inner_texts()
    assert labels[:2] == ["What pulls toward a startup", "What pulls toward big tech"]
    hrefs = live.locator(".mdx-fit-quiz__links a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert {"../startups/", "../big-tech/", "../differentiators-compared/", "#" + ANCHORS[0], "#" + ANCHORS[1]} == set(hrefs)
    assert_clean(page)


def test_invalid_hashes_are_ignored_and_heading_anchors_still_work(page, base_url):
    for bad in ["#quiz=s-b-n", "#quiz=s-b-n-s-b-s-x", "#quiz=<script>", "#quiz=s-s-s-s-s-s-s-s"]:
        page.goto("about:blank")  # a fresh load, not a same-document hash change
        open_quiz(page, base_url + PAGE + bad)
        expect(page.locator(RESULT)).to_have_text(re.compile(r"^7 questions left"))
        assert set(checked(page).values()) == {None}
        assert page.evaluate("location.hash") == ""  # a broken quiz hash is dropped
    # A heading anchor is left alone and still scrolls to its heading.
    page.goto("about:blank")
    open_quiz(page, base_url + PAGE + "#" + ANCHORS[0])
    expect(page.locator("#" + ANCHORS[0])).to_be_in_viewport()
    assert page.evaluate("location.hash") == "#" + ANCHORS[0]
    answer_by_clicking(page, STARTUP)
    assert page.evaluate("location.hash") == hash_of(STARTUP)
    assert_clean(page)


def test_start_over_clears_answers_and_hash(page, base_url):
    open_quiz(page, base_url + PAGE + hash_of(STARTUP))
    assert checked(page) == STARTUP
    reset = page.get_by_role("button", name="Start over")
    reset.focus()
    page.keyboard.press("Enter")
    expect(page.locator(RESULT)).to_have_text(re.compile(r"^7 questions left"))
    assert set(checked(page).values()) == {None}
    assert page.evaluate("location.hash") == ""
    assert page.url.endswith(PAGE)
    assert page.evaluate("document.activeElement.name") == "mdx-fit-quiz-risk"
    assert_clean(page)


def test_mounts_after_instant_navigation(page, base_url):
    page.goto(base_url)
    page.wait_for_load_state("networkidle")  # instant navigation starts once the sitemap is in
    page.evaluate("window.__sameDocument = true")
    page.locator(f'article a[href$="{PAGE}"]').first.click()
    expect(page).to_have_url(re.compile(PAGE + "$"))
    expect(page.locator(RESULT)).to_have_text(re.compile(r"^7 questions left"))
    assert page.evaluate("window.__sameDocument") is True, "the page was swapped, not reloaded"
    answer_by_clicking(page, BALANCED)
    expect(page.locator(f"{RESULT} .mdx-fit-quiz__verdict")).to_have_text(re.compile("^Either"))
    assert page.evaluate("location.hash") == hash_of(BALANCED)

    # Away and back through links: the quiz mounts again, styled (Material drops
    # stylesheets added to <head> when it swaps pages).
    page.locator(f"{RESULT} .mdx-fit-quiz__links a", has_text="at big tech").click()
    expect(page.locator("h1")).to_have_text(re.compile("^AI product work at big tech"))
    page.locator(f'article a[href$="{PAGE}"]').first.click()
    # The answers given earlier in this tab are still there, and back in the URL.
    expect(page).to_have_url(re.compile(PAGE + hash_of(BALANCED) + "$"))
    expect(page.locator(f"{RESULT} .mdx-fit-quiz__verdict")).to_have_text(re.compile("^Either"))
    expect(page.locator(".mdx-fit-quiz__option").first).to_have_css("display", "flex")
    assert page.evaluate("window.__sameDocument") is True
    assert page.evaluate("document.querySelectorAll('link[href$=\"widgets/fit-quiz/widget.css\"]').length") == 1
    assert_clean(page)


def test_no_quiz_code_on_a_page_without_the_quiz(page, base_url):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(base_url + "startup-vs-big-tech/startups/")
    expect(page.locator("h1")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert not [url for url in requested if "fit-quiz" in url]
    assert_clean(page)


def test_small_screen_and_dark_scheme(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme="dark")
    page = context.new_page()
    page.watch = PageWatch(page)
    open_quiz(page, base_url + PAGE + hash_of(STARTUP))
    expect(page.locator(f"{RESULT} .mdx-fit-quiz__verdict")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    box = page.locator(QUIZ).bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    # A click anywhere on an option's label answers its question.
    page.locator(".mdx-fit-quiz__option", has_text="Upside").click()
    assert page.evaluate("location.hash") == hash_of({**STARTUP, "pay": "s"})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_clean(page)
    context.close()
