"""The two calculators in the toolkit, as a reader uses them in Chromium: the sample-size
calculator (examples needed for a margin of error; the Wilson interval around a measured
rate) and the LLM cost calculator (two scenarios side by side). Expected numbers are
worked out here in plain Python, independently of the widgets' JavaScript. Also: the one
widget contract (each widget one folder, mounted by site.js)."""

from __future__ import annotations

import math
import re
from fractions import Fraction
from statistics import NormalDist

import pytest
from playwright.sync_api import expect

from helpers import ROOT, wait_until
from crawl import AXE, WCAG
from helpers import DESKTOP, PHONE, new_page

SAMPLE = "toolkit/sample-size/"
COST = "toolkit/llm-cost/"
WIDGETS = ROOT / "docs/assets/javascripts/widgets"
BAD_TEXT = ("NaN", "Infinity", "undefined")
STALE = "Showing the last valid result: fix the field marked above to update it."
EMPTY = "Fix the field marked above to see a result."


# --- The one widget contract ------------------------------------------------------------

def test_every_widget_is_one_folder_that_exports_only_mount():
    names = sorted(p.stem for p in (ROOT / "includes/widgets").glob("*.html"))
    assert {"metrics-lab", "fit-quiz", "sample-size", "llm-cost"} <= set(names)
    assert sorted(p.name for p in WIDGETS.iterdir()) == names, "one folder per widget, nothing loose"
    for name in names:
        html = (ROOT / f"includes/widgets/{name}.html").read_text(encoding="utf-8")
        assert html.startswith(f'<div class="mdx-{name}" data-mdx-widget="{name}">'), name
        folder = WIDGETS / name
        for part in ("widget.js", "core.js", "widget.css"):
            assert (folder / part).is_file(), f"{name}/{part} is missing"
        widget = (folder / "widget.js").read_text(encoding="utf-8")
        assert re.findall(r"^export .*$", widget, re.M) == ["export function mount(root) {"], name
        assert not re.search(r"\.css[\"'`]", widget), f"{name}: site.js loads the stylesheet, not the widget"
        core = (folder / "core.js").read_text(encoding="utf-8")
        assert not re.search(r"\b(document|window|location|history|fetch)\b", core), f"{name}/core.js touches the page"
    site = (ROOT / "docs/assets/javascripts/site.js").read_text(encoding="utf-8")
    assert '"/widget.js"' in site and '"/widget.css"' in site
    assert not [name for name in names if name in site], "site.js knows no widget by name"


# --- Expected values, in plain Python ---------------------------------------------------

Z = {"90": Fraction("1.6449"), "95": Fraction("1.9600"), "99": Fraction("2.5758")}


def test_the_z_values_are_the_normal_quantiles():
    for level, z in Z.items():
        assert round(NormalDist().inv_cdf(0.5 + int(level) / 200), 4) == float(z)


def examples_needed(rate: str, margin: str, level: str) -> int:
    """n = ceil(z² p (1 − p) / e²), exactly, with the rate and margin in percent."""
    p, e, z = Fraction(rate) / 100, Fraction(margin) / 100, Z[level]
    return math.ceil(z * z * p * (1 - p) / (e * e))


def one_decimal(x: float) -> str:
    tenths = math.floor(x * 1000 + 1e-7 + 0.5)
    return f"{tenths // 10}.{tenths % 10}%"


def wilson(correct: int, checked: int, level: str) -> str:
    """The Wilson score interval, written out: centre ± half-width, as "from X% to Y%"."""
    z = float(Z[level])
    n = checked
    p = correct / n
    centre = (p + z**2 / (2 * n)) / (1 + z**2 / n)
    half = z / (1 + z**2 / n) * math.sqrt(p * (1 - p) / n + z**2 / (4 * n**2))
    return f"from {one_decimal(max(0.0, centre - half))} to {one_decimal(min(1.0, centre + half))}"


def usd(x: Fraction, signed: bool = False) -> str:
    """Dollars: two decimals from $1; below, enough for three significant digits."""
    size = abs(x)
    decimals = 2
    if size < 1:
        decimals = 3
        for step in ("0.1", "0.01", "0.001", "0.0001", "0.00001"):
            if size >= Fraction(step):
                break
            decimals += 1
    units = math.floor(size * 10**decimals + Fraction(1, 2))
    digits = str(units).rjust(decimals + 1, "0")
    fraction = digits[-decimals:].rstrip("0").ljust(2, "0")
    sign = "" if units == 0 else "\u2212" if x < 0 else "+" if signed else ""
    return f"{sign}${int(digits[:-decimals]):,}.{fraction}"


def percent_change(a: Fraction, b: Fraction) -> str:
    change = (b - a) / a * 100
    tenths = math.floor(abs(change) * 10 + Fraction(1, 2))
    sign = "" if tenths == 0 else "\u2212" if change < 0 else "+"
    return f"{sign}{tenths // 10:,}.{tenths % 10}%"


def llm_costs(s: dict) -> dict:
    """Per request, per 1,000, per day, per month (30 days) and per user (month / daily users)."""
    f = {key: Fraction(value.replace(",", "")) for key, value in s.items() if value != ""}
    cached = f["cache"] / 100
    request = (f["in"] * ((1 - cached) * f["pin"] + cached * f["pcache"]) + f["out"] * f["pout"]) / 1_000_000
    month = request * f["req"] * 30
    return {"request": request, "thousand": request * 1000, "day": request * f["req"], "month": month,
            "user": month / f["users"] if "users" in f else None}


def test_expected_value_helpers():
    assert examples_needed("90", "3", "95") == 385
    assert examples_needed("50", "4.9", "95") == 400
    assert wilson(138, 150, "95") == "from 86.5% to 95.4%"  # the evals page's example
    assert wilson(0, 10, "95") == "from 0.0% to 27.8%"
    assert usd(Fraction("0.0042")) == "$0.0042" and usd(Fraction("1234.56")) == "$1,234.56"
    assert usd(Fraction("12.345")) == "$12.35" and usd(Fraction(-5, 2), True) == "\u2212$2.50"
    assert percent_change(Fraction(11700), Fraction(6840)) == "\u221241.5%"


# --- Helpers ----------------------------------------------------------------------------

def retype(field, text: str):
    """Clear a field and type into it key by key, as a reader does."""
    field.fill("")
    if text:
        field.press_sequentially(text, delay=5)


def assert_no_bad_numbers(root):
    text = root.evaluate("r => r.textContent")
    assert not [t for t in BAD_TEXT if t in text], text


def assert_clean(page):
    assert page.watch.errors == []
    assert page.watch.foreign == []


def open_sample(page, base_url, hash_: str = ""):
    page.goto(base_url + SAMPLE + hash_)
    root = page.locator(".mdx-sample-size")
    expect(root).to_have_attribute("data-mdx-mounted", "")
    expect(root.locator(".mdx-sample-size__nojs")).to_be_hidden()
    return root


def size_results(root):
    return root.locator('[data-results="size"]')


def interval_results(root):
    return root.locator('[data-results="interval"]')


def expect_size(root, rate: str, margin: str, level: str):
    results = size_results(root)
    expect(results.locator("dt")).to_have_text("Examples needed")
    expect(results.locator("dd")).to_have_text(f"{examples_needed(rate, margin, level):,}")
    expect(results).to_contain_text(f"the {level}% confidence interval")
    expect(results).to_contain_text("For precision, these are examples the model called positive")


def expect_interval(root, correct: int, checked: int, level: str):
    results = interval_results(root)
    expect(results.locator("dt")).to_have_text(f"{level}% confidence interval")
    expect(results.locator("dd")).to_have_text(wilson(correct, checked, level))
    expect(results).to_contain_text(f"about {level} of every 100 ranges would contain the true rate")
    expect(results).to_contain_text(f"{correct:,} correct of {checked:,} checked")


# --- Sample size: in the browser --------------------------------------------------------

def test_sample_size_shows_examples_needed_as_the_reader_types(page, base_url):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    root = open_sample(page, base_url)
    results = size_results(root)
    assert results.get_attribute("aria-live") == "polite"
    expect_size(root, "90", "3", "95")
    expect(results.locator("dd")).to_have_text("385")
    expect(root.locator('[data-panel="interval"]')).to_be_hidden()

    for rate, margin, level in [("50", "5", "95"), ("50", "5", "99"), ("70", "2.5", "90"), ("99.5", "0.5", "99"),
                                ("12.5%", "1", "95")]:
        root.get_by_label("Confidence level", exact=True).select_option(level)
        retype(root.get_by_label("Expected rate (%)", exact=True), rate)
        retype(root.get_by_label("Margin of error (± percentage points)", exact=True), margin)
        expect_size(root, rate.rstrip("%"), margin, level)
    expect(results.locator(".mdx-sample-size__line--caution")).to_have_text("")
    # A margin reaching past 0% gets a caution.
    retype(root.get_by_label("Expected rate (%)", exact=True), "2")
    retype(root.get_by_label("Margin of error (± percentage points)", exact=True), "5")
    expect_size(root, "2", "5", "95")
    expect(results.locator(".mdx-sample-size__line--caution")).to_contain_text("past 0% or 100%")
    assert_no_bad_numbers(root)
    # Its own three files and nothing more: no data, no fetch.
    mine = sorted(url.rsplit("/widgets/", 1)[1] for url in requests if "/widgets/" in url)
    assert mine == ["sample-size/core.js", "sample-size/widget.css", "sample-size/widget.js"]
    assert_clean(page)


def test_sample_size_interval_mode(page, base_url):
    root = open_sample(page, base_url)
    root.get_by_label("How sure a measured rate is", exact=True).check()
    expect(root.locator('[data-panel="size"]')).to_be_hidden()
    expect(root.locator('[data-panel="interval"]')).to_be_visible()
    assert interval_results(root).get_attribute("aria-live") == "polite"
    expect_interval(root, 90, 100, "95")
    for correct, checked, level in [(138, 150, "95"), (37, 40, "95"), (0, 10, "95"), (10, 10, "99"), (1, 1, "90"),
                                    (4321, 5000, "99")]:
        root.get_by_label("Confidence level", exact=True).select_option(level)
        retype(root.get_by_label("Correct", exact=True), f"{correct:,}")
        retype(root.get_by_label("Checked", exact=True), str(checked))
        expect_interval(root, correct, checked, level)
    assert_no_bad_numbers(root)
    assert_clean(page)


# (field label, mode, text, message). Pasted, not typed: typed key by key, "2.5" passes
# through the valid "2." and "-5" through "-", which this test does not mean to check.
SAMPLE_BAD = [
    ("Expected rate (%)", "size", "-5", "A rate cannot be negative."),
    ("Expected rate (%)", "size", "101", "A rate cannot be more than 100%."),
    ("Expected rate (%)", "size", "0", "Enter a rate above 0 and below 100: at exactly 0% or 100% the formula says 0 examples, which is never enough."),
    ("Expected rate (%)", "size", "100", "Enter a rate above 0 and below 100: at exactly 0% or 100% the formula says 0 examples, which is never enough."),
    ("Expected rate (%)", "size", "", "Enter a percentage, such as 90."),
    ("Expected rate (%)", "size", "ninety", "Enter a percentage, such as 90."),
    ("Margin of error (± percentage points)", "size", "0", "The margin must be more than 0."),
    ("Margin of error (± percentage points)", "size", "-2", "A margin cannot be negative."),
    ("Margin of error (± percentage points)", "size", "150", "A margin cannot be more than 100 points."),
    ("Margin of error (± percentage points)", "size", "", "Enter a number of percentage points, such as 3."),
    ("Correct", "interval", "150", "Correct cannot be more than Checked."),
    ("Correct", "interval", "-1", "A count cannot be negative."),
    ("Correct", "interval", "2.5", "A count must be a whole number."),
    ("Correct", "interval", "abc", "Enter a whole number, such as 100."),
    ("Checked", "interval", "0", "Enter at least 1: you cannot measure a rate on no examples."),
    ("Checked", "interval", "", "Enter a whole number, such as 100."),
    ("Checked", "interval", "99.9", "A count must be a whole number."),
]


def each_case(cases, check, reopen) -> None:
    """Run every bad-input case on one loaded page, and report all that fail by name.
    A case leaves its field fixed again; after a failure the page is loaded afresh."""
    failed = []
    for case in cases:
        try:
            check(*case)
        except AssertionError as error:
            failed.append(f"{case[:-1]}: {str(error).splitlines()[0]}")
            reopen()
    assert not failed, "\n".join(failed)


def test_sample_size_bad_input_says_what_to_fix(page, base_url):
    root = open_sample(page, base_url)

    def check(label, mode, text, message):
        root.locator(f'input[name="mdx-ss-mode"][value="{mode}"]').check()
        results = size_results(root) if mode == "size" else interval_results(root)
        before = results.locator("dd").inner_text()
        field = root.get_by_label(label, exact=True)
        field.fill(text)
        error = root.locator("#" + field.get_attribute("id") + "-error")
        expect(error).to_have_text(message)
        expect(error).to_be_visible()
        expect(field).to_have_attribute("aria-invalid", "true")
        expect(field).to_have_attribute("aria-describedby", error.get_attribute("id"))
        # The last good result stays, marked as such.
        expect(results.locator("dd")).to_have_text(before)
        expect(results.locator(".mdx-sample-size__line--note")).to_have_text(STALE)
        assert_no_bad_numbers(root)
        # Fixed, the message goes and the result is current again.
        field.fill("90" if "rate" in label or label == "Correct" else "3" if "Margin" in label else "100")
        expect(error).to_have_text("")
        expect(field).not_to_have_attribute("aria-invalid", "true")
        expect(field).not_to_have_attribute("aria-describedby", re.compile("."))
        expect(results.locator(".mdx-sample-size__line--note")).to_have_text("")

    each_case(SAMPLE_BAD, check, lambda: open_sample(page, base_url))
    assert_clean(page)


def test_sample_size_hash_round_trip(page, base_url):
    root = open_sample(page, base_url, "#mode=interval&correct=45&checked=50&conf=90")
    expect(root.get_by_label("How sure a measured rate is", exact=True)).to_be_checked()
    expect(root.get_by_label("Confidence level", exact=True)).to_have_value("90")
    expect(root.get_by_label("Correct", exact=True)).to_have_value("45")
    expect(root.get_by_label("Checked", exact=True)).to_have_value("50")
    expect_interval(root, 45, 50, "90")
    assert page.evaluate("location.hash") == "#mode=interval&correct=45&checked=50&conf=90"

    length = page.evaluate("history.length")
    retype(root.get_by_label("Checked", exact=True), "60")
    expect_interval(root, 45, 60, "90")
    assert page.evaluate("location.hash") == "#mode=interval&correct=45&checked=60&conf=90"
    root.get_by_label("How many examples to check", exact=True).check()
    retype(root.get_by_label("Expected rate (%)", exact=True), "80")
    root.get_by_label("Confidence level", exact=True).select_option("99")
    assert page.evaluate("location.hash") == "#mode=size&rate=80&margin=3&conf=99"
    assert page.evaluate("history.length") == length, "the hash is replaced, not pushed"
    expect_size(root, "80", "3", "99")

    # The shared link opens on the same result.
    shared = page.url
    page.goto(base_url)
    root = open_sample(page, base_url, "#" + shared.split("#", 1)[1])
    expect(root.get_by_label("Expected rate (%)", exact=True)).to_have_value("80")
    expect_size(root, "80", "3", "99")
    assert_clean(page)


def test_sample_size_bad_hash_values_show_as_errors(page, base_url):
    root = open_sample(page, base_url, "#mode=size&rate=abc&margin=-1&conf=97")
    # An unknown level is ignored; bad numbers show their errors; nothing is calculated.
    expect(root.get_by_label("Confidence level", exact=True)).to_have_value("95")
    expect(root.locator("#mdx-ss-rate-error")).to_have_text("Enter a percentage, such as 90.")
    expect(root.locator("#mdx-ss-margin-error")).to_have_text("A margin cannot be negative.")
    expect(size_results(root).locator(".mdx-sample-size__line--note")).to_have_text(EMPTY)
    expect(size_results(root).locator("dl")).to_be_hidden()
    assert_no_bad_numbers(root)
    # A hash pasted into the address bar of the open page applies too; an unknown mode is ignored.
    page.evaluate("location.hash = '#mode=wild&rate=60'")
    expect(root.get_by_label("How many examples to check", exact=True)).to_be_checked()
    expect_size(root, "60", "3", "95")
    # A heading anchor is left alone, and the calculator starts from its defaults.
    page.goto(base_url)
    root = open_sample(page, base_url, "#how-do-you-read-the-result")
    expect_size(root, "90", "3", "95")
    assert page.evaluate("location.hash") == "#how-do-you-read-the-result"
    assert_clean(page)


def focus_outline(page) -> str:
    return page.evaluate("getComputedStyle(document.activeElement).outlineStyle")


def test_sample_size_with_the_keyboard_only(page, base_url):
    root = open_sample(page, base_url)
    # From the heading just above the calculator, Tab reaches the mode radios first.
    page.locator("#try-it-the-calculator a.headerlink").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.value") == "size"
    assert focus_outline(page) != "none"
    page.keyboard.press("ArrowDown")
    expect(root.get_by_label("How sure a measured rate is", exact=True)).to_be_checked()
    expect(root.locator('[data-panel="interval"]')).to_be_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "mdx-ss-conf"
    page.keyboard.press("ArrowDown")
    expect(root.get_by_label("Confidence level", exact=True)).to_have_value("99")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "mdx-ss-correct"
    assert focus_outline(page) != "none"
    page.keyboard.press("Control+A")
    page.keyboard.type("70")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "mdx-ss-checked"
    page.keyboard.press("Control+A")
    page.keyboard.type("80")
    expect_interval(root, 70, 80, "99")
    assert_clean(page)


# --- The LLM cost calculator: in the browser --------------------------------------------

FIELDS = {
    "req": "Requests per day",
    "in": "Input tokens per request",
    "out": "Output tokens per request",
    "pin": "Price per million input tokens (USD)",
    "pout": "Price per million output tokens (USD)",
    "cache": "Share of input tokens from cache (%)",
    "pcache": "Price per million cached input tokens (USD)",
    "users": "Active users per day",
}
ROWS = ["Per request", "Per 1,000 requests", "Per day", "Per month (30 days)", "Per user per month"]
# The defaults: the worked example of the cost page, without caching (A) and with (B).
DEFAULT_A = {"req": "20,000", "in": "4,000", "out": "500", "pin": "3", "pout": "15", "cache": "0", "pcache": "0.30", "users": "2,000"}
DEFAULT_B = {**DEFAULT_A, "cache": "75"}


def open_cost(page, base_url, hash_: str = ""):
    page.goto(base_url + COST + hash_)
    root = page.locator(".mdx-llm-cost")
    expect(root).to_have_attribute("data-mdx-mounted", "")
    expect(root.locator(".mdx-llm-cost__nojs")).to_be_hidden()
    return root


def scenario(root, name: str):
    return root.locator(f'[data-scenario="{name}"]')


def fill_scenario(root, name: str, values: dict):
    for key, text in values.items():
        retype(scenario(root, name).get_by_label(FIELDS[key], exact=True), text)


def expect_scenario(root, name: str, values: dict):
    results = root.locator(f'[data-results="{name}"]')
    c = llm_costs(values)
    shown = [usd(c[k]) for k in ("request", "thousand", "day", "month")]
    if c["user"] is None:
        expect(results.locator("dt:visible")).to_have_text(ROWS[:4])
        expect(results.locator("dd:visible")).to_have_text(shown)
    else:
        expect(results.locator("dt")).to_have_text(ROWS)
        expect(results.locator("dd")).to_have_text([*shown, usd(c["user"])])


def expect_compare(root, a: dict, b: dict):
    results = root.locator('[data-results="compare"]')
    month_a, month_b = llm_costs(a)["month"], llm_costs(b)["month"]
    change = percent_change(month_a, month_b) if month_a else "n/a"
    expect(results.locator("dt")).to_have_text(["Difference per month (B \u2212 A)", "As a share of A"])
    expect(results.locator("dd")).to_have_text([usd(month_b - month_a, signed=True), change])
    if month_b != month_a and month_a:
        more = "more" if month_b > month_a else "less"
        expect(results.locator("p")).to_have_text(
            f"Scenario B costs {usd(abs(month_b - month_a))} {more} per month than scenario A ({change}).")


def test_llm_cost_defaults_match_the_worked_example(page, base_url):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    root = open_cost(page, base_url)
    for name in ("a", "b", "compare"):
        assert root.locator(f'[data-results="{name}"]').get_attribute("aria-live") == "polite"
    expect_scenario(root, "a", DEFAULT_A)
    expect_scenario(root, "b", DEFAULT_B)
    # The cost page's table: USD 0.0195 and 0.0114 a request, 11,700 and 6,840 a month.
    expect(root.locator('[data-results="a"] dd')).to_have_text(["$0.0195", "$19.50", "$390.00", "$11,700.00", "$5.85"])
    expect(root.locator('[data-results="b"] dd')).to_have_text(["$0.0114", "$11.40", "$228.00", "$6,840.00", "$3.42"])
    expect_compare(root, DEFAULT_A, DEFAULT_B)
    expect(root).to_contain_text("example prices, not a vendor\u2019s")
    mine = sorted(url.rsplit("/widgets/", 1)[1] for url in requests if "/widgets/" in url)
    assert mine == ["llm-cost/core.js", "llm-cost/widget.css", "llm-cost/widget.js"]
    assert_clean(page)


def test_llm_cost_as_the_reader_types(page, base_url):
    root = open_cost(page, base_url)
    # B: a smaller model at a tenth of the prices, with more traffic and no user count.
    b = {**DEFAULT_B, "req": "35,000", "pin": "0.3", "pout": "1.5", "pcache": "0.03", "cache": "60", "users": ""}
    fill_scenario(root, "b", b)
    expect_scenario(root, "b", b)
    expect(root.locator('[data-results="b"] dt:visible')).to_have_count(4)
    expect_compare(root, DEFAULT_A, b)
    # A: a big feature, costs in the hundreds of thousands, and a tiny one.
    a = {"req": "1,500,000", "in": "12,500", "out": "1,200", "pin": "2.5", "pout": "10", "cache": "40", "pcache": "0.25", "users": "250,000"}
    fill_scenario(root, "a", a)
    expect_scenario(root, "a", a)
    expect_compare(root, a, b)
    tiny = {"req": "10", "in": "12", "out": "3", "pin": "0.05", "pout": "0.2", "cache": "0", "pcache": "0", "users": "3"}
    fill_scenario(root, "a", tiny)
    expect_scenario(root, "a", tiny)
    expect_compare(root, tiny, b)
    # Equal scenarios.
    fill_scenario(root, "b", tiny)
    expect(root.locator('[data-results="compare"] p')).to_have_text("Both scenarios cost the same per month.")
    # A free scenario A has no percentage.
    fill_scenario(root, "a", {"pin": "0", "pout": "0"})
    expect(root.locator('[data-results="compare"] dd').nth(1)).to_have_text("n/a")
    assert_no_bad_numbers(root)
    assert_clean(page)


# (scenario, field, text, message)
COST_BAD = [
    ("a", "req", "-10", "This cannot be negative."),
    ("a", "req", "", "Enter a number, such as 10,000."),
    ("a", "in", "lots", "Enter a number, such as 2,000."),
    ("a", "out", "-1", "This cannot be negative."),
    ("b", "pin", "$3", "Enter a number, such as 3."),
    ("b", "pout", "", "Enter a number, such as 15."),
    ("b", "cache", "120", "A share goes from 0 to 100%."),
    ("b", "cache", "-5", "This cannot be negative."),
    ("a", "pcache", "cheap", "Enter a number, such as 0.3."),
    ("b", "users", "0", "Enter at least 1 user, or leave this blank."),
    ("a", "users", "many", "Enter a number, such as 1,000."),
    ("a", "req", "5,000,000,000,000", "Enter a number below a trillion."),
]


def test_llm_cost_bad_input_says_what_to_fix(page, base_url):
    root = open_cost(page, base_url)
    expect_scenario(root, "a", DEFAULT_A)

    def check(name, key, text, message):
        results = root.locator(f'[data-results="{name}"]')
        before = results.locator("dd").all_inner_texts()
        field = scenario(root, name).get_by_label(FIELDS[key], exact=True)
        field.fill(text)
        error = root.locator(f"#mdx-lc-{name}-{key}-error")
        expect(error).to_have_text(message)
        expect(error).to_be_visible()
        expect(field).to_have_attribute("aria-invalid", "true")
        expect(field).to_have_attribute("aria-describedby", f"mdx-lc-{name}-{key}-error")
        assert results.locator("dd").all_inner_texts() == before
        expect(results.locator(".mdx-llm-cost__note")).to_have_text(STALE)
        expect(root.locator('[data-results="compare"] .mdx-llm-cost__note')).to_contain_text(STALE)
        assert_no_bad_numbers(root)
        field.fill((DEFAULT_A if name == "a" else DEFAULT_B)[key])
        expect(error).to_have_text("")
        expect(field).not_to_have_attribute("aria-invalid", "true")
        expect(results.locator(".mdx-llm-cost__note")).to_have_text("")
        expect_compare(root, DEFAULT_A, DEFAULT_B)

    each_case(COST_BAD, check, lambda: open_cost(page, base_url))
    assert_clean(page)


def test_llm_cost_hash_round_trip(page, base_url):
    a = {"req": "5000", "in": "1500", "out": "300", "pin": "1", "pout": "4", "cache": "20", "pcache": "0.1", "users": "800"}
    b = {**a, "pin": "0.5", "pout": "2"}
    hash_ = "#" + "&".join(f"{s}.{k}={v}" for s, values in (("a", a), ("b", b)) for k, v in values.items())
    root = open_cost(page, base_url, hash_)
    for key, value in a.items():
        expect(scenario(root, "a").get_by_label(FIELDS[key], exact=True)).to_have_value(value)
    expect_scenario(root, "a", a)
    expect_scenario(root, "b", b)
    expect_compare(root, a, b)
    assert page.evaluate("location.hash") == hash_

    length = page.evaluate("history.length")
    retype(scenario(root, "b").get_by_label(FIELDS["cache"], exact=True), "90")
    retype(scenario(root, "b").get_by_label(FIELDS["users"], exact=True), "")
    expected = hash_.replace("b.cache=20", "b.cache=90").replace("&b.users=800", "")
    assert page.evaluate("location.hash") == expected
    assert page.evaluate("history.length") == length, "the hash is replaced, not pushed"
    b2 = {**b, "cache": "90", "users": ""}
    expect_scenario(root, "b", b2)

    # A bad or partial hash: the named fields take its values, the others keep theirs.
    root = open_cost(page, base_url, "#a.req=abc&b.pin=2")
    expect(root.locator("#mdx-lc-a-req-error")).to_have_text("Enter a number, such as 10,000.")
    expect(root.locator('[data-results="a"] .mdx-llm-cost__note')).to_have_text(EMPTY)
    expect(root.locator('[data-results="compare"] .mdx-llm-cost__note')).to_have_text(
        "Fix the fields marked above to compare the scenarios.")
    expect_scenario(root, "b", {**DEFAULT_B, "pin": "2"})
    assert_no_bad_numbers(root)
    assert_clean(page)


def test_llm_cost_with_the_keyboard_only(page, base_url):
    root = open_cost(page, base_url)
    page.locator("#try-it-the-calculator a.headerlink").focus()
    page.keyboard.press("Tab")
    order = []
    for _ in range(16):
        order.append(page.evaluate("document.activeElement.id"))
        assert focus_outline(page) != "none"
        page.keyboard.press("Tab")
    assert order == [f"mdx-lc-{s}-{k}" for s in "ab" for k in FIELDS]
    # Back to B's requests, and type there.
    for _ in range(8):
        page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.id") == "mdx-lc-b-req"
    page.keyboard.press("Control+A")
    page.keyboard.type("40000")
    expect_scenario(root, "b", {**DEFAULT_B, "req": "40000"})
    expect_compare(root, DEFAULT_A, {**DEFAULT_B, "req": "40000"})
    assert_clean(page)


# --- Both: phone width, colour schemes, accessibility, no JavaScript ---------------------

def break_something(page, path: str):
    """Show an error message, so that its colour and layout are checked too."""
    if path == SAMPLE:
        page.locator(".mdx-sample-size").get_by_label("How sure a measured rate is", exact=True).check()
        page.locator("#mdx-ss-correct").fill("500")
        expect(page.locator("#mdx-ss-correct-error")).to_be_visible()
    else:
        page.locator("#mdx-lc-b-cache").fill("150")
        expect(page.locator("#mdx-lc-b-cache-error")).to_be_visible()


@pytest.mark.parametrize("path", [SAMPLE, COST])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_fits_a_phone_in_both_schemes(browser, base_url, path, scheme):
    page = new_page(browser, PHONE, scheme)
    page.goto(base_url + path)
    root = page.locator("[data-mdx-widget]")
    expect(root).to_have_attribute("data-mdx-mounted", "")
    expect(root.locator("dd").first).not_to_be_empty()
    assert page.locator("body").get_attribute("data-md-color-scheme") == ("slate" if scheme == "dark" else "default")
    # The widget's colours come from the scheme: its text is not the other scheme's.
    colour = root.locator("label").first.evaluate("l => getComputedStyle(l).color")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert colour != background
    break_something(page, path)
    root.scroll_into_view_if_needed()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    box = root.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    for field in root.locator("input[type=text], select").all():
        if field.is_visible():
            b = field.bounding_box()
            assert b["x"] >= 0 and b["x"] + b["width"] <= 390
    assert_clean(page)
    page.context.close()


@pytest.mark.parametrize("path", [SAMPLE, COST])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_axe_finds_no_violation(browser, base_url, path, scheme, size):
    assert AXE.is_file(), "run `make test` (npm ci installs axe-core)"
    page = new_page(browser, PHONE if size == "phone" else DESKTOP, scheme, bypass_csp=True)
    page.goto(base_url + path)
    root = page.locator("[data-mdx-widget]")
    expect(root.locator("dd").first).not_to_be_empty()
    page.add_script_tag(path=str(AXE))
    found = []
    for state in ("as loaded", "with an error"):
        if state == "with an error":
            break_something(page, path)
        # The widget only: the crawl (tests/crawl.py) checks the rest of each page.
        wait_until(page, "() => document.getAnimations().every(a => a.playState !== 'running')")
        result = page.evaluate("""tags => axe.run('[data-mdx-widget]',
            {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})""", WCAG)
        found += [f"{state}: {v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]
    assert not found, "\n".join(found)
    assert page.watch.errors == []
    page.context.close()


@pytest.mark.parametrize("path, labels", [
    (SAMPLE, ["Expected rate (%)", "Margin of error (± percentage points)", "Confidence level", "Correct", "Checked"]),
    (COST, list(FIELDS.values())),
])
def test_without_javascript_the_fields_and_a_note_show(browser, base_url, path, labels):
    page = new_page(browser, java_script_enabled=False)
    page.goto(base_url + path)
    root = page.locator("[data-mdx-widget]")
    expect(root.locator("p[class$='__nojs']")).to_be_visible()
    for label in labels:
        expect(root.get_by_label(label, exact=True).first).to_be_visible()
    page.context.close()
