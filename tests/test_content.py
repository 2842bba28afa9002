"""The guide's content rules, read straight from the Markdown sources."""

from __future__ import annotations

import posixpath
import re
import subprocess
import sys

import pytest

from helpers import ROOT, config, glossary_terms, hook, nav_files, split

DOCS = ROOT / "docs"
front_matter = hook("front_matter")

DIFFERENTIATORS = [f"differentiators/{name}.md" for name in (
    "ai-ml-knowledge", "bridging-disciplines", "data-preparation",
    "more-stakeholders", "continuous-iteration", "metrics")]
# The pages on the work of late 2026: each at least 1,500 words, in the same anatomy.
TOPICS = ["llm/llms-and-agents.md", "llm/evals.md", "llm/cost-and-pricing.md", "llm/security.md",
          "llm/choosing-models.md", "llm/ux-patterns.md", "reference/ai-law.md", "conclusion/getting-the-job.md"]
REQUIRED_SECTIONS = [
    "What it is and why AI changes it", "What good looks like", "How it goes wrong",
    "Worked example", "Checklist", "Questions to ask your team", "Further reading"]


def prose(body: str) -> str:
    body = re.sub(r"^(```|~~~).*?^\1", " ", body, flags=re.M | re.S)
    body = re.sub(r"\]\([^)]*\)|<[^>]+>|^\*\[.*$|\{[^}]*\}", " ", body, flags=re.M)
    return body


def words(src: str) -> int:
    return len(re.findall(r"[A-Za-z0-9][\w'’-]*", prose(split(src)[1])))


def internal_links(src: str) -> set[str]:
    body = split(src)[1]
    found = set()
    for target in re.findall(r"\]\(([^)\s#]+\.md)", body):
        found.add(posixpath.normpath(posixpath.join(posixpath.dirname(src), target)))
    return found - {src}


def allowed_tags() -> set[str]:
    for plugin in config()["plugins"]:
        if isinstance(plugin, dict) and "tags" in plugin:
            return set(plugin["tags"]["tags_allowed"])
    raise AssertionError("mkdocs.yml has no tags plugin")


PAGES = nav_files()
# Pages the build fills in (front matter `generated`): they hold no prose of their own.
GENERATED = {src for src in PAGES if split(src)[0].get("generated")}


@pytest.mark.parametrize("src", PAGES)
def test_front_matter(src):
    meta, body = split(src)
    assert front_matter.problems(meta, body) == []
    assert set(meta["tags"]) <= allowed_tags(), f"{src}: unknown tags {set(meta['tags']) - allowed_tags()}"
    assert len(re.findall(r"^# ", body, re.M)) == 1, f"{src}: needs exactly one H1"


def test_no_tag_holds_a_word_most_searches_have():
    # The theme's search weighs a tag a thousand times a title. A tag with "AI" in it
    # put its pages first for "EU AI Act", "NIST AI RMF" and any other query with AI.
    common = {"ai", "pm", "product"}
    for tag in allowed_tags():
        found = common & set(re.split(r"[^a-z]+", tag.lower()))
        assert not found, f"mkdocs.yml: the tag '{tag}' has {found}; name it without those words"


def test_front_matter_rules_catch_mistakes():
    assert front_matter.problems({"title": "T", "tags": ["x"]}, "") == ["front matter needs 'description'"]
    assert "characters" in front_matter.problems({"title": "T", "description": "short", "tags": ["x"]}, "")[0]
    assert "not valid YAML" in front_matter.problems({}, "---\ntitle: [oops\n---\n")[0]
    good = {"title": "T", "description": "d" * 60, "tags": ["x"]}
    assert front_matter.problems({**good, "theme_script": False, "inline_styles": True}, "") == []
    assert front_matter.problems({**good, "theme_script": "false"}, "") == ["'theme_script' must be true or false"]


@pytest.mark.parametrize("src", DIFFERENTIATORS + TOPICS)
def test_page_anatomy(src):
    body = split(src)[1]
    headings = re.findall(r"^## (.+)$", body, re.M)
    positions = []
    for section in REQUIRED_SECTIONS:
        matching = [i for i, h in enumerate(headings) if h.startswith(section)]
        assert matching, f"{src}: missing the section '## {section}'"
        positions.append(matching[0])
    assert positions == sorted(positions), f"{src}: sections out of order"
    checklist = body.split("## Checklist", 1)[1].split("\n## ", 1)[0]
    assert len(re.findall(r"^- \[ \] ", checklist, re.M)) >= 6, f"{src}: the checklist needs 6+ task items"
    reading = body.split("## Further reading", 1)[1].split("\n## ", 1)[0]
    assert len(set(re.findall(r"\]\((https?://[^)\s]+)", reading))) >= 3, f"{src}: needs 3+ linked sources"
    floor = 1500 if src in TOPICS else 1200
    assert words(src) >= floor, f"{src}: {words(src)} words; the floor is {floor:,}"


@pytest.mark.parametrize("src", [p for p in PAGES if p not in GENERATED])
def test_page_length(src):
    floor = 250 if src.endswith("index.md") or src.startswith("reference/") else 900
    assert words(src) >= floor, f"{src}: {words(src)} words; the floor is {floor}"


def test_total_words():
    total = sum(words(src) for src in PAGES if src not in GENERATED)
    assert total >= 45000, f"the guide has {total:,} words of its own; the floor is 45,000"


def test_each_source_story_is_told_on_few_pages():
    # Say a thing once and link to it: the Booking.com paper was on six pages.
    citing = [src for src in PAGES if src not in GENERATED | {"reference/bibliography.md"}
              and "Booking.com" in split(src)[1]]
    assert len(citing) <= 3, f"the Booking.com paper is cited on {citing}; tell it on one page and link there"


@pytest.mark.parametrize("src", [p for p in PAGES if p not in GENERATED])
def test_links_to_three_other_pages(src):
    assert len(internal_links(src)) >= 3, f"{src} links to {sorted(internal_links(src))}"


PLACEHOLDER = re.compile(r"\b(TODO|TBD|FIXME|XXX|lorem ipsum|placeholder|coming soon)\b", re.I)


@pytest.mark.parametrize("src", PAGES)
def test_no_placeholder_text(src):
    found = PLACEHOLDER.findall((DOCS / src).read_text(encoding="utf-8"))
    assert not found, f"{src}: {found}"


def test_placeholder_check_works():
    assert PLACEHOLDER.search("This section is TODO.")
    assert not PLACEHOLDER.search("A todoist-style list")


def test_spelling():
    result = subprocess.run(
        [sys.executable, "-m", "codespell_lib", "docs", "includes", "README.md", "PERFORMANCE.md", "overrides"],
        cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def tooltips() -> dict[str, str]:
    text = (ROOT / "includes/abbreviations.md").read_text(encoding="utf-8")
    return dict(re.findall(r"^\*\[([^\]]+)\]:\s*(.+)$", text, re.M))


def test_glossary_has_sixty_terms_as_a_definition_list():
    terms = glossary_terms()
    assert len(terms) >= 58, len(terms)
    body = split("reference/glossary.md")[1]
    assert body.count("\n:   ") >= len(terms)


def test_every_glossary_term_has_a_tooltip():
    keys = {key.lower() for key in tooltips()}
    missing = []
    for headword in glossary_terms().values():
        # "Large language model (LLM)" is covered by either of its two names.
        names = [n.strip().lower() for n in re.split(r"[()]", headword) if n.strip()]
        if not any(name in keys for name in names):
            missing.append(headword)
    assert not missing, f"add a line to includes/abbreviations.md for: {missing}"


def test_tooltips_are_plain_text():
    for key, text in tooltips().items():
        assert not re.search(r"[\[\]()*_`<>\"]", text), f"tooltip for {key!r} has markup: {text}"


def external_links(src: str) -> set[str]:
    return set(re.findall(r"\]\((https?://[^)\s]+)", split(src)[1]))


BIBLIOGRAPHY = ["reference/bibliography.md", "reference/sources-llms.md", "reference/sources-law.md"]


def test_bibliography_lists_every_source_cited():
    listed = set().union(*(external_links(src) for src in BIBLIOGRAPHY))
    cited = {}
    for src in PAGES:
        for url in external_links(src) - listed:
            cited.setdefault(url, []).append(src)
    assert not cited, "add to reference/bibliography.md (or sources-llms.md, sources-law.md):\n" + "\n".join(f"{u}  ({', '.join(s)})" for u, s in cited.items())


def test_tooltips_stand_one_to_a_block():
    # Python-Markdown re-tests a block after each abbreviation it takes from it, so
    # definitions on consecutive lines cost time that grows with the square of their
    # number, on every page. A blank line between them keeps the build fast.
    text = (ROOT / "includes/abbreviations.md").read_text(encoding="utf-8")
    assert "]:" in text and not re.search(r"^\*\[.*\n\*\[", text, re.M)


def test_markdownlint_passes_with_the_projects_config():
    lint = ROOT / "node_modules/.bin/markdownlint-cli2"
    assert lint.exists(), "run `make test` (npm ci installs markdownlint-cli2)"
    result = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "Linting: " in result.stdout + result.stderr
