"""The knowledge-garden features: backlinks, glossary tooltips, formulas as MathML,
accessible diagrams, tags, reading time and last update, the whole guide on one page."""

from __future__ import annotations

import posixpath
import re

import pytest
from bs4 import BeautifulSoup

from helpers import hook, mkdocs_build, nav_files, split, url_of


backlinks, page_info, whole_guide, tooltips, mathml, glossary_search = (
    hook(n) for n in ("backlinks", "page_info", "whole_guide", "tooltips", "mathml", "glossary_search"))
CONTENT_PAGES = [src for src in nav_files() if not split(src)[0].get("generated")]


def soup(site, path: str) -> BeautifulSoup:
    return BeautifulSoup(site.html(path), "html.parser")


# --- Backlinks -----------------------------------------------------------------------------

def test_backlink_graph_from_markdown():
    graph = backlinks.graph({
        "a.md": "See [b](b.md#x) and [c][ref].\n\n[ref]: sub/c.md\n",
        "b.md": "Back to [a](a.md), [self](b.md), [web](https://example.com/x.md).\n```\n[code](c.md)\n```\n",
        "sub/c.md": "Up to [a](../a.md).",
    })
    assert graph == {"a.md": ["b.md", "sub/c.md"], "b.md": ["a.md"], "sub/c.md": ["a.md"]}


def test_a_page_that_says_backlinks_false_lists_none(site):
    assert soup(site, "reference/glossary/").find(id="pages-that-link-here") is None


def test_every_linked_page_lists_the_pages_that_link_to_it(site):
    page = soup(site, "differentiators/metrics/")
    heading = page.find(id="pages-that-link-here")
    assert heading is not None
    linking = {a.get_text() for a in heading.find_next("ul").find_all("a")}
    assert "Continuous iteration" in " ".join(linking)
    # Each listed page really links to metrics (in its own text, not its navigation).
    for a in heading.find_next("ul").find_all("a"):
        path = posixpath.normpath(posixpath.join("differentiators/metrics", a["href"]))
        path = "" if path == "." else path + "/"
        article = soup(site, path).find("article")
        hrefs = [link["href"] for link in article.find_all("a", href=True)]
        assert any("differentiators/metrics/" in h or h.startswith("../metrics/") or h == "metrics/" for h in hrefs), path


# --- Glossary tooltips ----------------------------------------------------------------------

def test_glossary_terms_show_as_tooltips_on_every_content_page(site):
    for src in CONTENT_PAGES:
        article = soup(site, url_of(src) if src != "index.md" else "").find("article")
        if src == tooltips.GLOSSARY:
            # The definitions are on the page itself.
            assert not article.find("abbr"), f"{src} repeats its own definitions as tooltips"
        else:
            assert article.find("abbr", title=True), f"{src} has no glossary tooltip"


def test_a_glossary_left_out_of_search_fails_the_build_saying_why():
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError, match="not in the search index"):
        glossary_search.with_terms({"docs": [{"location": "other/"}]}, [{"location": "g/#x"}])


def test_glossary_terms_become_search_entries():
    html = ('<dl><dt id="ab-test">A/B test</dt>\n<dd>A <abbr title="x">test</abbr> of two &amp; more.</dd>'
            '<dt class="new" id="f1">F1 &lt;score&gt;</dt><dd>One number.</dd></dl>')
    assert glossary_search.terms_of(html, "g/") == [
        {"location": "g/#ab-test", "title": "A/B test", "text": "<p>A test of two &amp; more.</p>"},
        {"location": "g/#f1", "title": "F1 &lt;score&gt;", "text": "<p>One number.</p>"},
    ]
    index = {"docs": [{"location": "a/", "title": "A", "text": ""}, {"location": "g/", "title": "G", "text": "", "tags": ["T"]},
                      {"location": "z/", "title": "Z", "text": ""}]}
    docs = glossary_search.with_terms(index, glossary_search.terms_of(html, "g/"))["docs"]
    assert [d["location"] for d in docs] == ["a/", "g/", "g/#ab-test", "g/#f1", "z/"]
    assert docs[2]["tags"] == ["T"]


def test_a_tooltip_marks_the_first_use_of_a_term_only():
    html = '<p><abbr title="x">AI</abbr> and <abbr title="x">AI</abbr>, <abbr title="y">ML</abbr></p>'
    assert tooltips.first_uses_only(html) == '<p><abbr title="x">AI</abbr> and AI, <abbr title="y">ML</abbr></p>'
    heading = '<h1 id="a">The <abbr title="x">AI</abbr> guide</h1><p><abbr title="x">AI</abbr> here</p>'
    assert tooltips.first_uses_only(heading) == '<h1 id="a">The AI guide</h1><p><abbr title="x">AI</abbr> here</p>'


# --- Formulas ---------------------------------------------------------------------------------

def test_formulas_are_mathml_and_no_math_script_is_shipped(site):
    page = soup(site, "differentiators/metrics/")
    formulas = page.find_all("math")
    assert len(formulas) >= 4
    text = " ".join(m.get_text(" ") for m in formulas)
    for word in ("Precision", "Recall", "F"):
        assert word in text
    assert not page.find(class_="arithmatex"), "a formula was left as LaTeX"
    assert not list(site.dir.rglob("*mathjax*")) and not list(site.dir.rglob("*katex*"))
    assert "mathjax" not in site.html("differentiators/metrics/").lower()


def test_a_broken_formula_fails_the_build_naming_the_page(project, tmp_path):
    page = project / "docs/foundations/index.md"
    page.write_text(page.read_text() + "\n$$\n\\frac{1}{\n$$\n")
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert "foundations/index.md" in result.stdout + result.stderr


# --- Diagrams ---------------------------------------------------------------------------------

def test_diagrams_are_accessible_inline_svg_in_theme_colours(site):
    for path in ("foundations/lifecycle/", "differentiators/continuous-iteration/"):
        svg = soup(site, path).find("svg", class_="mdx-diagram")
        assert svg is not None, path
        assert svg["role"] == "img"
        labels = svg["aria-labelledby"].split()
        assert svg.find("title", id=labels[0]) and svg.find("desc")
        assert len(svg.find_all("text")) >= 7, "labels must be text, not paths"
        markup = str(svg)
        assert not re.search(r'\b(fill|stroke)="#', markup), "colours come from the theme's CSS"
        assert "style=" not in markup and "<style" not in markup


# --- Tags, reading time, last update ------------------------------------------------------------

def test_tags_show_on_pages_and_the_tags_index_lists_them(site):
    tags = soup(site, "differentiators/metrics/").select(".md-tags .md-tag")
    assert {t.get_text(strip=True) for t in tags} >= {"Metrics", "Evaluation"}
    index = soup(site, "reference/tags/")
    assert index.find(id="tag:metrics") is not None
    listed = {a.get_text(strip=True) for a in index.find("article").find_all("a")}
    assert "Different metrics: what an AI PM measures" in " ".join(listed) or len(listed) > 20


def test_reading_time_and_last_update_on_each_page(site):
    for src in CONTENT_PAGES[1:]:
        info = soup(site, url_of(src)).find(class_="mdx-page-info")
        assert info is not None, src
        assert re.match(r"\d+ min read · Updated \d{1,2} \w+ 20\d\d$", " ".join(info.get_text().split())), info.get_text()
        assert re.match(r"20\d\d-\d\d-\d\d$", info.find("time")["datetime"])


def test_reading_time_counts_words():
    assert page_info.reading_minutes("word " * 10) == 1
    assert page_info.reading_minutes("word " * 2201) == 11
    assert page_info.reading_minutes("```\n" + "code " * 5000 + "\n```\nword") == 1


def test_last_update_comes_from_git_history():
    log = "\x002026-11-20\n\ndocs/a.md\ndocs/b.md\n\x002026-10-01\n\ndocs/a.md\ndocs/c.md\n"
    assert page_info.parse_git_log(log) == {"docs/a.md": "2026-11-20", "docs/b.md": "2026-11-20", "docs/c.md": "2026-10-01"}


def test_without_git_history_the_date_falls_back(project, tmp_path, monkeypatch):
    # The project copy has no .git: the date comes from SOURCE_DATE_EPOCH.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out/foundations/index.html").read_text()
    assert '<time datetime="2026-01-01">1 January 2026</time>' in html


# --- The whole guide on one page --------------------------------------------------------------------

def test_the_whole_guide_holds_every_page_in_order_with_working_anchors(site):
    html = site.html("reference/whole-guide/")
    page = BeautifulSoup(html, "html.parser")
    sections = [s["id"] for s in page.select("section.mdx-whole-guide__page")]
    leave_out = split("reference/whole-guide.md")[0]["leave_out"]
    kept = [src for src in CONTENT_PAGES if not whole_guide.left_out(src, {}, leave_out)]
    expected = [whole_guide.anchor(url_of(src) if src != "index.md" else "") for src in kept]
    assert sections == expected and len(kept) >= 25
    ids = [e["id"] for e in page.find_all(id=True)]
    assert len(ids) == len(set(ids)), "duplicate ids"
    targets = {a["href"][1:] for a in page.find_all("a", href=True) if a["href"].startswith("#") and len(a["href"]) > 1}
    assert targets <= set(ids), sorted(targets - set(ids))[:5]
    assert not page.find(attrs={"data-mdx-widget": True}), "widgets must not run twice"
    assert 'data-mdx-widget' not in html
    # Hundreds of tooltips would only slow it down.
    assert not page.select("section abbr"), "the whole guide carries glossary tooltips"
    # Backlinks belong to the pages on their own, and the search plugin's marks to none.
    assert not page.find(id=re.compile("pages-that-link-here")), "the whole guide carries backlinks"
    assert "data-search-" not in html


def test_the_home_page_links_to_the_whole_guide(site):
    assert soup(site, "").find("a", href="reference/whole-guide/")


def test_the_one_page_version_leaves_out_what_its_front_matter_names():
    assert whole_guide.left_out("toolkit/a.md", {}, ["toolkit/"])
    assert whole_guide.left_out("reference/tags.md", {"generated": "tags"}, [])
    assert not whole_guide.left_out("toolkitx.md", {}, ["toolkit/", "reference/g.md"])
    assert whole_guide.left_out("reference/g.md", {}, ["toolkit/", "reference/g.md"])


def test_relocating_a_page_rewrites_ids_and_links():
    html = ('<h1 id="t">T</h1><a href="#t">self</a><a href="../b/#x">b</a>'
            '<a href="../../assets/i.svg">img</a><a href="https://e.com/">out</a>')
    out = whole_guide.relocate(html, "s/a/", {"s/a/", "s/b/"}, "reference/whole-guide")
    assert '<h2 id="s-a--t">' in out and 'href="#s-a--t"' in out
    assert 'href="#s-b--x"' in out and 'href="https://e.com/"' in out
    assert 'href="../../assets/i.svg"' in out


def test_the_print_layout_hides_navigation_and_shows_link_targets(browser, base_url):
    page = browser.new_page()
    page.goto(base_url + "reference/whole-guide/")
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    shown = page.evaluate("""() => {
        const a = [...document.querySelectorAll('article a[href^="http"]')].find(a => a.offsetParent);
        return getComputedStyle(a, '::after').content; }""")
    assert "http" in shown
    page.close()
