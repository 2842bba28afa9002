"""The metrics lab on the Metrics page, as a reader uses it in Chromium: typing counts,
moving the threshold with the keyboard, picking the cheapest threshold. Expected numbers
are computed here, independently of the widget's JavaScript."""

from __future__ import annotations

import json
import subprocess
import sys
from fractions import Fraction
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from helpers import ROOT, SITE_URL, PageWatch

PAGE = "differentiators/metrics/"
DATA = ROOT / "docs/assets/javascripts/widgets/metrics-lab/scored-examples.json"
GENERATOR = ROOT / "tests/tools/make_scored_examples.py"
EXAMPLES = json.loads(DATA.read_text(encoding="utf-8"))


# --- Expected values, in plain Python -------------------------------------------------

def percent(part: int, whole: int) -> str:
    """part/whole as a percentage to one decimal, halves rounded up; n/a for 0/0."""
    if whole == 0:
        return "n/a"
    tenths = int(Fraction(1000 * part, whole) + Fraction(1, 2))
    return f"{tenths // 10}.{tenths % 10}%"


def metric_texts(tp: int, fp: int, fn: int, tn: int) -> list[str]:
    """Accuracy, precision, recall and F1, as the lab shows them."""
    f1 = percent(2 * tp, 2 * tp + fp + fn) if tp + fp and tp + fn else "n/a"
    return [percent(tp + tn, tp + fp + fn + tn), percent(tp, tp + fp), percent(tp, tp + fn), f1]


def confusion(threshold: float) -> dict[str, int]:
    counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    for score, label in EXAMPLES:
        flagged = score >= threshold
        counts[("t" if flagged == bool(label) else "f") + ("p" if flagged else "n")] += 1
    return counts


def confident(threshold: float) -> tuple[int, int]:
    false_alarms = sum(1 for score, label in EXAMPLES if not label and score >= threshold and score >= 0.9)
    misses = sum(1 for score, label in EXAMPLES if label and score < threshold and score <= 0.1)
    return false_alarms, misses


def plural(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def confident_text(threshold: float) -> str:
    alarms, misses = confident(threshold)
    return (f"Confident errors: {alarms + misses} ({plural(alarms, 'false alarm', 'false alarms')} scored 0.9 or more, "
            f"{plural(misses, 'miss', 'misses')} scored 0.1 or less).")


def cost(threshold: float, cost_fp: int, cost_fn: int) -> int:
    counts = confusion(threshold)
    return counts["fp"] * cost_fp + counts["fn"] * cost_fn


def best(cost_fp: int, cost_fn: int) -> tuple[float, int]:
    """The cheapest of 0.00..1.00; min() keeps the first, the lowest threshold, on a tie."""
    return min(((i / 100, cost(i / 100, cost_fp, cost_fn)) for i in range(101)), key=lambda pair: pair[1])


# --- The data --------------------------------------------------------------------------

def test_scored_examples_are_reproducible():
    result = subprocess.run([sys.executable, str(GENERATOR)], capture_output=True, text=True, check=True)
    assert result.stdout == DATA.read_text(encoding="utf-8"), (
        "the committed data differs from the generator: run "
        "python tests/tools/make_scored_examples.py > docs/assets/javascripts/widgets/metrics-lab/scored-examples.json")


def test_scored_examples_are_imbalanced_with_confident_errors():
    assert 250 <= len(EXAMPLES) <= 350
    assert all(0 <= score <= 1 and round(score, 3) == score and label in (0, 1) for score, label in EXAMPLES)
    positives = sum(label for _, label in EXAMPLES)
    assert 0.15 <= positives / len(EXAMPLES) <= 0.25
    with_confident_errors = [i for i in range(101) if sum(confident(i / 100)) > 0]
    assert len(with_confident_errors) >= 90


def test_expected_values_helpers():
    assert percent(2, 3) == "66.7%"
    assert percent(337, 400) == "84.3%"
    assert percent(0, 0) == "n/a"
    assert metric_texts(80, 15, 20, 885) == ["96.5%", "84.2%", "80.0%", "82.1%"]


# --- In the browser --------------------------------------------------------------------

def open_lab(page, base_url):
    page.goto(base_url + PAGE)
    lab = page.locator(".mdx-metrics-lab")
    # Mounted and the examples loaded: the threshold part shows numbers.
    expect(lab.locator('[data-cell="tp"] .mdx-metrics-lab__count')).to_have_text(str(confusion(0.5)["tp"]))
    return lab


def expect_metrics(region, tp, fp, fn, tn):
    expect(region.locator("dt")).to_have_text(["Accuracy", "Precision", "Recall", "F1"])
    expect(region.locator("dd")).to_have_text(metric_texts(tp, fp, fn, tn))


def retype(field, text: str):
    """Clear a field and type into it key by key, as a reader does."""
    field.fill("")
    field.press_sequentially(text, delay=10)


def test_counts_update_as_the_reader_types(page, base_url):
    lab = open_lab(page, base_url)
    expect(lab.locator(".mdx-metrics-lab__nojs")).to_be_hidden()
    results = lab.locator('[data-results="counts"]')
    assert results.get_attribute("aria-live") == "polite"

    expect_metrics(results, 80, 15, 20, 885)
    expect(results).to_contain_text(
        "Of 95 items the model flagged, 80 were right (84.2% precision). "
        "It found 80 of the 100 real positives (80.0% recall).")
    expect(results).to_contain_text("Expected cost: 15 × 1 + 20 × 5 = 115.")

    retype(lab.get_by_label("True positives", exact=True), "45")
    retype(lab.get_by_label("False positives", exact=True), "5")
    tp, fp, fn, tn = 45, 5, 20, 885
    expect_metrics(results, tp, fp, fn, tn)
    expect(results.locator(".mdx-metrics-lab__line--reading")).to_have_text(
        f"Of {tp + fp} items the model flagged, {tp} were right ({percent(tp, tp + fp)} precision). "
        f"It found {tp} of the {tp + fn} real positives ({percent(tp, tp + fn)} recall). "
        f"It got {tp + tn} of all {tp + fp + fn + tn} items right ({percent(tp + tn, tp + fp + fn + tn)} accuracy); "
        f"flagging nothing at all would score {percent(fp + tn, tp + fp + fn + tn)}.")

    # The triage example of the page, with its costs: 0.4 costs $39,550 a week.
    retype(lab.get_by_label("Cost of a false positive", exact=True), "15")
    retype(lab.get_by_label("Cost of a false negative", exact=True), "400")
    for label, value in [("True positives", "730"), ("False positives", "770"), ("False negatives", "70"), ("True negatives", "18,430")]:
        retype(lab.get_by_label(label, exact=True), value)
    expect_metrics(results, 730, 770, 70, 18430)
    expect(results).to_contain_text("Expected cost: 770 × 15 + 70 × 400 = 39,550.")
    expect(results).to_contain_text("It got 19,160 of all 20,000 items right (95.8% accuracy)")
    assert page.watch.errors == []
    assert page.watch.foreign == []


def test_zero_denominators_show_n_a(page, base_url):
    lab = open_lab(page, base_url)
    results = lab.locator('[data-results="counts"]')
    retype(lab.get_by_label("True positives", exact=True), "0")
    retype(lab.get_by_label("False positives", exact=True), "0")
    expect(results.locator("dd")).to_have_text([percent(885, 905), "n/a", "0.0%", "n/a"])
    expect(results).to_contain_text("The model flagged nothing, so precision is undefined (n/a).")

    retype(lab.get_by_label("False negatives", exact=True), "0")
    expect(results.locator("dd")).to_have_text(["100.0%", "n/a", "n/a", "n/a"])
    expect(results).to_contain_text("There are no real positives, so recall is undefined (n/a).")

    retype(lab.get_by_label("True negatives", exact=True), "0")
    expect(results.locator("dd")).to_have_text(["n/a", "n/a", "n/a", "n/a"])
    expect(results).to_contain_text("All four counts are zero")
    for text in ("NaN", "Infinity", "undefined%"):
        assert text not in lab.inner_text()
    assert page.watch.errors == []


# "2.5" is pasted: typed key by key, its prefix "2." would be a valid count of 2.
@pytest.mark.parametrize("typed, message, keyed", [
    ("-3", "A count cannot be negative.", True),
    ("abc", "Enter a whole number, such as 80.", True),
    ("2.5", "A count must be a whole number.", False),
])
def test_bad_input_shows_an_error_and_keeps_the_last_result(page, base_url, typed, message, keyed):
    lab = open_lab(page, base_url)
    results = lab.locator('[data-results="counts"]')
    field = lab.get_by_label("False positives", exact=True)
    retype(field, "35")
    expect_metrics(results, 80, 35, 20, 885)
    before = results.inner_text()

    retype(field, typed) if keyed else field.fill(typed)
    error = lab.locator("#mdx-ml-fp-error")
    expect(error).to_have_text(message)
    expect(error).to_be_visible()
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_attribute("aria-describedby", "mdx-ml-fp-error")
    assert results.inner_text() == before
    expect_metrics(results, 80, 35, 20, 885)
    # The other fields stay valid.
    expect(lab.get_by_label("True positives", exact=True)).not_to_have_attribute("aria-invalid", "true")

    retype(field, "15")
    expect(error).to_have_text("")
    expect(field).not_to_have_attribute("aria-invalid", "true")
    expect(field).not_to_have_attribute("aria-describedby", "mdx-ml-fp-error")
    expect_metrics(results, 80, 15, 20, 885)
    assert page.watch.errors == []


def test_threshold_slider_with_the_keyboard(page, base_url):
    lab = open_lab(page, base_url)
    slider = lab.get_by_label("Decision threshold", exact=True)
    assert slider.get_attribute("type") == "range"
    assert (slider.get_attribute("min"), slider.get_attribute("max"), slider.get_attribute("step")) == ("0", "1", "0.01")
    table = lab.locator("table.mdx-metrics-lab__table")
    expect(table.locator("thead th")).to_have_text(["Actually positive", "Actually negative"])
    expect(table.locator("tbody th[scope=row]")).to_have_text(["Model says positive", "Model says negative"])
    results = lab.locator('[data-results="threshold"]')
    assert results.get_attribute("aria-live") == "polite"

    def expect_state(threshold: float):
        shown = f"{threshold:.2f}"
        expect(slider).to_have_value(f"{threshold:g}")
        expect(lab.locator("[data-threshold-value]")).to_have_text(shown)
        expect(table.locator("caption")).to_have_text(f"Confusion matrix at threshold {shown}")
        counts = confusion(threshold)
        for cell, count in counts.items():
            expect(table.locator(f'[data-cell="{cell}"] .mdx-metrics-lab__count')).to_have_text(f"{count:,}")
        expect_metrics(results, **counts)
        expect(results.locator(".mdx-metrics-lab__line--confident")).to_have_text(confident_text(threshold))
        expect(results.locator(".mdx-metrics-lab__line--cost")).to_have_text(
            f"Total cost at {shown}: {counts['fp']} × 1 + {counts['fn']} × 5 = {cost(threshold, 1, 5):,}.")

    expect_state(0.5)
    assert sum(confident(0.5)) > 0
    slider.focus()
    page.keyboard.press("ArrowRight")
    expect_state(0.51)
    page.keyboard.press("End")
    expect_state(1.0)
    page.keyboard.press("Home")
    expect_state(0.0)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect_state(0.02)
    assert page.watch.errors == []


def test_use_the_cheapest_threshold(page, base_url):
    lab = open_lab(page, base_url)
    slider = lab.get_by_label("Decision threshold", exact=True)
    results = lab.locator('[data-results="threshold"]')
    button = lab.get_by_role("button", name="Use this threshold")

    threshold, lowest = best(1, 5)
    assert threshold != 0.5, "the default threshold should not already be the cheapest"
    expect(results.locator(".mdx-metrics-lab__line--best")).to_have_text(
        f"Lowest cost: {lowest:,}, at threshold {threshold:.2f}.")
    button.click()
    expect(slider).to_have_value(f"{threshold:g}")
    expect(lab.locator("[data-threshold-value]")).to_have_text(f"{threshold:.2f}")
    expect(results.locator(".mdx-metrics-lab__line--cost")).to_have_text(
        f"Total cost at {threshold:.2f}: {confusion(threshold)['fp']} × 1 + {confusion(threshold)['fn']} × 5 = {lowest:,}.")

    # Equal costs move the cheapest threshold; the keyboard reaches the button.
    retype(lab.get_by_label("Cost of a false negative", exact=True), "1")
    threshold, lowest = best(1, 1)
    expect(results.locator(".mdx-metrics-lab__line--best")).to_have_text(
        f"Lowest cost: {lowest:,}, at threshold {threshold:.2f}.")
    button.focus()
    page.keyboard.press("Enter")
    expect(slider).to_have_value(f"{threshold:g}")
    expect(results.locator(".mdx-metrics-lab__line--cost")).to_contain_text(f"= {lowest:,}.")

    # A bad cost shows its error and leaves the last valid costs in use.
    cost_fp = lab.get_by_label("Cost of a false positive", exact=True)
    retype(cost_fp, "-1")
    expect(lab.locator("#mdx-ml-cost-fp-error")).to_have_text("A cost cannot be negative.")
    expect(cost_fp).to_have_attribute("aria-invalid", "true")
    expect(results.locator(".mdx-metrics-lab__line--best")).to_have_text(
        f"Lowest cost: {lowest:,}, at threshold {threshold:.2f}.")
    assert page.watch.errors == []


def test_home_page_loads_no_widget_code(page, base_url):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(base_url)
    page.wait_for_load_state("networkidle")
    assert any(url.endswith("/site.js") for url in requests)
    assert not [url for url in requests if "metrics-lab" in url or "metrics-core" in url or "scored-examples" in url]
    assert page.locator("[data-mdx-widget=metrics-lab]").count() == 0
    assert page.watch.errors == []


def test_mounts_after_instant_navigation(browser, base_url):
    """Material navigates instantly only to URLs in its sitemap, which names the public
    host without a port, so the test serves the site at that host, from base_url."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    context.route(SITE_URL + "**", lambda route: route.fulfill(
        response=route.fetch(url=base_url + route.request.url.removeprefix(SITE_URL))))
    page = context.new_page()
    watch = PageWatch(page, allowed_host=urlsplit(SITE_URL).hostname)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(SITE_URL)
    page.wait_for_load_state("networkidle")
    assert not [url for url in requests if "metrics-lab" in url]

    page.evaluate("window.mdxSamePage = true")
    page.locator(f'.md-content a[href$="{PAGE}"]').first.click()
    page.wait_for_url("**/" + PAGE)
    lab = page.locator(".mdx-metrics-lab")
    results = lab.locator('[data-results="counts"]')
    expect_metrics(results, 80, 15, 20, 885)
    assert page.evaluate("window.mdxSamePage") is True, "the link reloaded the page instead of swapping it"
    assert sum(url.endswith("widgets/metrics-lab/widget.js") for url in requests) == 1

    retype(lab.get_by_label("True negatives", exact=True), "400")
    expect_metrics(results, 80, 15, 20, 400)
    slider = lab.get_by_label("Decision threshold", exact=True)
    expect(slider).to_be_enabled()
    slider.focus()
    page.keyboard.press("ArrowLeft")
    expect(lab.locator("[data-threshold-value]")).to_have_text("0.49")
    expect(lab.locator('[data-cell="fp"] .mdx-metrics-lab__count')).to_have_text(str(confusion(0.49)["fp"]))

    # Away and back again: the fresh copy of the page mounts too, with its own state.
    page.locator('.md-content a[href$="reference/glossary/"]').first.click()
    page.wait_for_url("**/reference/glossary/")
    page.go_back()
    page.wait_for_url("**/" + PAGE)
    expect_metrics(page.locator('.mdx-metrics-lab [data-results="counts"]'), 80, 15, 20, 885)
    assert page.evaluate("window.mdxSamePage") is True
    assert watch.errors == []
    assert watch.foreign == []
    context.unroute_all(behavior="ignoreErrors")
    context.close()


def test_works_at_390_wide_without_sideways_scroll(browser, base_url):
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
        page = context.new_page()
        errors = []
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(base_url + PAGE)
        lab = page.locator(".mdx-metrics-lab")
        expect(lab.locator('[data-cell="tn"] .mdx-metrics-lab__count')).to_have_text(str(confusion(0.5)["tn"]))
        lab.scroll_into_view_if_needed()
        retype(lab.get_by_label("False negatives", exact=True), "-3")
        expect(lab.locator("#mdx-ml-fn-error")).to_be_visible()
        lab.get_by_role("button", name="Use this threshold").click()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        box = lab.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
        assert errors == []
        context.close()


def test_without_javascript_the_labels_and_a_note_show(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.javascript = False
    page.goto(base_url + PAGE)
    lab = page.locator(".mdx-metrics-lab")
    expect(lab.locator(".mdx-metrics-lab__nojs")).to_be_visible()
    for label in ("True positives", "False positives", "False negatives", "True negatives",
                  "Decision threshold", "Cost of a false positive", "Cost of a false negative"):
        expect(lab.get_by_label(label, exact=True)).to_be_visible()
    context.close()
