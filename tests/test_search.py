"""Does search find the page a reader is after?

The reader's questions are in tests/search_questions.yml; each names the page that
must be among the first three results. To them this adds every acronym in the
glossary ("NLP", "RAG", "A/B"): its glossary entry and the page that entry sends
the reader to ("See ...") must both be in the first three. All the questions run in
one browser page, through the site's own search (Material's worker, lunr), and the
test fails when the share that passes falls below FLOOR. `make bench` reports the
same share (tests/bench.py).
"""

from __future__ import annotations

import importlib.util
import json
import posixpath
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from helpers import ROOT, THEME_RUNNING, ask, glossary_terms, hook, search, url_of, wait_until

QUESTIONS = ROOT / "tests" / "search_questions.yml"
GLOSSARY = "reference/glossary.md"
# The share of questions that must pass. The target is 95%; this is the share reached.
FLOOR = 0.98
_ENTRY = re.compile(r"^(\S[^\n{]*?)\s*\{\s*#[\w-]+\s*\}\s*\n((?::   |    ).*\n?)+", re.M)
_SEE = re.compile(r"\b[Ss]ee\b(.*)", re.S)
_LINK = re.compile(r"\]\(([^)#\s]+\.md)(?:#[^)]*)?\)")
_ACRONYM = re.compile(r"(?<![\w/])[A-Z](?:[A-Z0-9]|/[A-Z0-9])+(?![\w/])")


def glossary_questions() -> list[dict]:
    """One question per acronym in a glossary headword: the acronym alone.

    An acronym belongs to the entry that spells it out in brackets ("Natural language
    processing (NLP)"), or else to the first entry whose headword starts with it
    ("A/B test", "F1 score"); the answer is that entry's "See" page, with the glossary."""
    body = (ROOT / "docs" / GLOSSARY).read_text(encoding="utf-8")
    entries = []
    for match in _ENTRY.finditer(body):
        headword, definition = match[1].strip(), match[0]
        see = _SEE.findall(definition)
        links = _LINK.findall(see[-1] if see else "")
        if links:
            src = posixpath.normpath(posixpath.join(posixpath.dirname(GLOSSARY), links[0]))
            entries.append((headword, url_of(src) if src != "index.md" else ""))
    owners: dict[str, str] = {}
    for headword, page in entries:
        for acronym in re.findall(r"\(([^)]+)\)", headword):
            if _ACRONYM.fullmatch(acronym):
                owners.setdefault(acronym, page)
    for headword, page in entries:
        first = _ACRONYM.match(headword)
        if first:
            owners.setdefault(first[0], page)
    glossary = url_of(GLOSSARY)
    return [{"q": acronym, "page": sorted({page, glossary})} for acronym, page in sorted(owners.items())]


def questions() -> list[dict]:
    return yaml.safe_load(QUESTIONS.read_text(encoding="utf-8")) + glossary_questions()


def passes(question: dict, top: list[str]) -> bool:
    """Whether every page the question names is among the first three results."""
    wanted = question["page"] if isinstance(question["page"], list) else [question["page"]]
    return all(page in top[:3] for page in wanted)


def share(results: dict[str, list[str]], asked: list[dict]) -> tuple[float, list[str]]:
    """The share of questions that pass, given each query's result pages, and the failures."""
    failed = [f"{q['q']!r}: wants {q['page']}, got {results.get(q['q'], [])[:3]}"
              for q in asked if not passes(q, results.get(q["q"], []))]
    return 1 - len(failed) / len(asked), failed


def results_of(page, query: str) -> list[list[str]]:
    """The links of each result for `query`, in order (the page's own link first).
    The search must be open and its index ready (helpers.search waits for that)."""
    ask(page, query)
    return page.evaluate(READ_RESULTS)


READ_RESULTS = """() => [...document.querySelectorAll('.md-search-result__item')].map(
    item => [...item.querySelectorAll('a.md-search-result__link')].map(a => a.href))"""


def page_of(href: str, base_url: str) -> str:
    """A result's page, as a path under the site: 'differentiators/metrics/'."""
    return urlsplit(href)._replace(query="", fragment="").geturl().removeprefix(base_url)


def empty_highlights(links: list[list[str]]) -> list[str]:
    """Result links whose address asks to highlight nothing (`?h=`)."""
    return [href for item in links for href in item
            if "h" in parse_qs(urlsplit(href).query, keep_blank_values=True)
            and not parse_qs(urlsplit(href).query).get("h")]


def ask_all(page, base_url: str, asked: list[dict]) -> tuple[dict[str, list[str]], list[str]]:
    """Each query's result pages, and any link with an empty highlight, in one page."""
    page.goto(base_url)
    wait_until(page, THEME_RUNNING)  # goto waits in the tests, not in `make bench`
    search(page, "metrics")  # opens the search and waits for its index
    results, empty = {}, []
    for question in asked:
        links = results_of(page, question["q"])
        results[question["q"]] = [page_of(item[0], base_url) for item in links]
        empty += [f"{question['q']!r}: {href}" for href in empty_highlights(links)]
    return results, empty


# --- What the tests check -------------------------------------------------------------

def test_the_questions_cover_every_section_and_name_real_pages(site):
    asked = questions()
    assert len(yaml.safe_load(QUESTIONS.read_text(encoding="utf-8"))) >= 60
    pages = {p for q in asked for p in (q["page"] if isinstance(q["page"], list) else [q["page"]])}
    for page in pages:
        assert (site.dir / page / "index.html").is_file(), f"{page} is not a page"
    for section in ("foundations/", "differentiators/", "llm/", "toolkit/", "startup-vs-big-tech/",
                    "conclusion/", "reference/ai-law/", "reference/glossary/"):
        assert any(p.startswith(section) for p in pages), f"no question for {section}"
    for acronym in ("A/B", "NLP", "RAG", "LLM", "DPIA", "F1"):
        assert any(q["q"] == acronym for q in asked), f"no question for {acronym}"


def test_readers_find_the_page_they_are_after(page, base_url):
    asked = questions()
    results, empty = ask_all(page, base_url, asked)
    reached, failed = share(results, asked)
    print(f"\nsearch: {reached:.1%} of {len(asked)} questions find their page in the first three")
    assert reached >= FLOOR, f"{reached:.1%} pass, below {FLOOR:.0%}:\n" + "\n".join(failed)
    # The question that started it: "A/B" was split at its slash and lost its "A".
    assert "differentiators/metrics/" in results["A/B test"][:2], results["A/B test"]
    assert not empty, "result links that highlight nothing (?h=):\n" + "\n".join(empty[:10])


def test_the_share_counts_each_question_once():
    asked = [{"q": "a", "page": "x/"}, {"q": "b", "page": ["x/", "g/"]}, {"q": "c", "page": "y/"}]
    reached, failed = share({"a": ["z/", "w/", "x/"], "b": ["g/", "x/"], "c": ["z/", "w/", "v/", "y/"]}, asked)
    assert reached == pytest.approx(2 / 3) and len(failed) == 1 and failed[0].startswith("'c'")


# --- How text and queries split into words (the index's separator) ---------------------

def words(separator: str, text: str) -> list[str]:
    """The words lunr indexes or looks up, as the theme's worker splits them."""
    return [w for w in re.split(separator, text) if w]


def test_slashes_digits_and_stop_words_split_as_a_reader_means(site):
    index = json.loads((site.dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    sep = index["config"]["separator"]
    assert words(sep, "A/B test") == ["A/B", "test"]
    assert words(sep, "a/b testing") == ["a/b", "testing"]
    assert words(sep, "the 4/5ths rule, I/O, F1 and p95") == ["4/5ths", "rule", "I/O", "F1", "p95"]
    assert words(sep, "input/output and/or") == ["input", "output"]
    assert words(sep, "What will my LLM feature cost?") == ["LLM", "feature", "cost"]
    assert words(sep, "do I need a DPIA") == ["need", "DPIA"]
    assert words(sep, "precision vs recall") == ["precision", "recall"]
    assert words(sep, "EU AI Act, ML, 0.95 and Booking.com") == ["EU", "AI", "Act", "ML", "0.95", "Booking", "com"]
    # Stop words inside other words stay: "ask", "bias", "answer", "toolkit".
    assert words(sep, "ask about bias in an answer to the toolkit") == ["ask", "bias", "answer", "toolkit"]


def test_a_page_a_glossary_term_sends_readers_to_is_indexed_under_it(site):
    index = json.loads((site.dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = {doc["location"]: doc for doc in index["docs"]}
    assert index["config"]["fields"]["keywords"]["boost"] == index["config"]["fields"]["title"]["boost"]

    def indexed_under(headword: str) -> list[str]:
        return [doc["location"] for doc in index["docs"] if headword in doc.get("keywords", "").split(", ")]
    # A link to a page indexes the section that names the term most, or the page.
    assert indexed_under("A/B test") == ["differentiators/metrics/#do-offline-gains-move-the-business"]
    assert indexed_under("Natural language processing (NLP)") == ["differentiators/ai-ml-knowledge/"]
    # A link to a section indexes that section.
    assert indexed_under("Data protection impact assessment (DPIA)") == ["differentiators/more-stakeholders/#do-i-need-a-dpia"]
    assert all(loc in docs for loc in indexed_under("Calibration"))


def test_a_page_found_by_its_sections_takes_their_words_to_its_address():
    # The theme's worker, as installed: the page's own entry got no words (`?h=`).
    from theme import search_worker

    highlight, terms = hook("search_highlight"), hook("search_terms")
    theme = Path(importlib.util.find_spec("material").origin).parent / "templates"
    worker = search_worker(str(theme), "test").read_text(encoding="utf-8")
    patched = highlight.with_section_terms(worker)
    assert len(patched) == len(worker) and patched.count("\n") == worker.count("\n")  # its source map holds
    assert "score:0,terms:{}" in worker and "score:0,terms:{}" not in patched
    assert highlight.with_section_terms(patched) == patched
    assert {"a", "do", "what", "my", "the"} <= set(terms.stop_words(worker))


# --- Landing on a result, and the questions asked in one session -----------------------

def test_a_search_result_lands_on_its_section_with_the_terms_highlighted(page, base_url):
    page.goto(base_url)
    results = search(page, "calibration")
    link = results.locator("a").filter(has_text=re.compile("calibrat", re.I)).first
    link.click()
    page.wait_for_url(re.compile(r"h=calibration"))
    marks = page.locator("article mark[data-md-highlight]")
    marks.first.wait_for()
    assert marks.first.inner_text().lower().startswith("calibration")


def test_a_glossary_term_is_a_result_of_its_own_that_lands_on_the_term(page, base_url):
    page.goto(base_url)
    results = search(page, "hallucination")
    term = results.locator('a[href*="reference/glossary/"][href$="#hallucination"]')
    assert term.count() == 1, "no result for the glossary entry"
    # Its preview is the one definition, not the whole glossary.
    assert 50 < len(term.inner_text()) < 500, term.inner_text()
    term.click()
    page.wait_for_url(re.compile(r"reference/glossary/.*#hallucination$"))
    # Instant navigation changes the address before it swaps the content in.
    top = wait_until(page, "() => { const term = document.getElementById('hallucination'); const r = term && term.getBoundingClientRect(); return r && r.height && r.top; }")
    assert 0 < top < 300


def test_a_search_share_link_reopens_the_same_search(page, base_url):
    page.goto(base_url + "?q=confident+errors")
    box = page.get_by_role("textbox", name="Search")
    box.wait_for()
    assert box.input_value() == "confident errors"
    page.locator(".md-search-result__item").first.wait_for()


# Questions whose answer must come first, not only among the first three.
FIRST = {
    "do I need a DPIA": "differentiators/more-stakeholders/",
    "which metric should I optimize": "differentiators/metrics/",
    "confident errors": "differentiators/metrics/",
    "automate or augment": "foundations/does-it-need-ai/",
    "interview questions": "startup-vs-big-tech/choosing/",
    "GDPR": "differentiators/more-stakeholders/",
    # Words that are in nearly every page: a tag with one of them outranks the answer.
    "EU AI Act": "differentiators/more-stakeholders/",
    "NIST AI RMF": "differentiators/more-stakeholders/",
}


def test_each_glossary_term_finds_a_page_that_explains_it_and_some_answers_come_first(page, base_url):
    # A headword such as "Large language model (LLM)" is searched by its name.
    terms = sorted({re.sub(r"\s*\(.*?\)", "", headword) for headword in glossary_terms().values()})
    results, _ = ask_all(page, base_url, [{"q": query} for query in [*terms, *FIRST]])
    only_glossary = [f"{t}: {results[t]}" for t in terms if all(p.startswith("reference/glossary/") for p in results[t])]
    assert not only_glossary, "found only the glossary:\n" + "\n".join(only_glossary)
    late = [f"{q}: {results[q][:3]}" for q, answer in FIRST.items() if results[q][:1] != [answer]]
    assert not late, "the answer is not first:\n" + "\n".join(late)
