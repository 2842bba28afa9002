"""The strict build: it succeeds on the real site, and each author mistake fails it
with a message that names the file and the fix."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpers import ROOT, glossary_terms, mkdocs_build, nav_files, url_of




def test_strict_build_succeeds(site):
    assert (site.dir / "index.html").is_file()


def test_every_nav_page_is_built(site):
    files = nav_files()
    assert len(files) >= 20
    for src in files:
        assert (site.dir / url_of(src) / "index.html").is_file(), src


def test_every_markdown_file_is_in_the_nav():
    on_disk = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
    assert on_disk == set(nav_files())


def test_sitemap_404_and_search_index(site):
    sitemap = (site.dir / "sitemap.xml").read_text()
    # Every page but the one-page version (test_a_page_that_carries_its_stylesheets_...).
    assert sitemap.count("<loc>") == len(nav_files()) - 1
    assert "reference/whole-guide/" not in sitemap
    assert "Page not found" in (site.dir / "404.html").read_text()
    index = json.loads((site.dir / "search" / "search_index.json").read_text())
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert pages == {url_of(src) if src != "index.md" else "" for src in nav_files()}
    # The one-page version repeats every page; search would find each thing twice. It
    # is found by its title and description alone (search_excluded.py).
    whole = [doc for doc in index["docs"] if doc["location"].startswith("reference/whole-guide/")]
    assert len(whole) == 1 and len(whole[0]["text"]) < 300, whole


def search_docs(site) -> dict[str, dict]:
    index = json.loads((site.dir / "search" / "search_index.json").read_text())
    return {doc["location"]: doc for doc in index["docs"]}


def test_each_glossary_term_is_its_own_search_result(site):
    docs = search_docs(site)
    for anchor, headword in glossary_terms().items():
        doc = docs.get(f"reference/glossary/#{anchor}")
        assert doc, f"no search entry for the glossary term {headword!r}"
        assert doc["title"] == headword and doc["tags"] == ["Reference"]
        # The definition only, as one paragraph: a preview of one term, not of the glossary.
        assert re.fullmatch(r"<p>[^<>]{40,600}</p>", doc["text"]), doc
    page = docs["reference/glossary/"]
    assert "Calibration" not in page["text"] and "harmonic mean" not in page["text"]
    # In the page's output the search plugin's mark is gone again.
    assert "data-search-" not in site.html("reference/glossary/")


def test_search_previews_skip_reading_time_and_backlinks(site):
    docs = search_docs(site)
    assert not [loc for loc in docs if loc.endswith("#pages-that-link-here")]
    assert not [loc for loc, doc in docs.items() if "min read" in doc["text"]]
    # Both are still on the page.
    html = site.html("differentiators/metrics/")
    assert 'id="pages-that-link-here"' in html and "min read" in html and "data-search-" not in html


# Each case: where to inject the mistake, and what the failed build must say.
def _append(path: str, text: str):
    def inject(project: Path):
        file = project / "docs" / path
        file.write_text(file.read_text() + text)
    return inject


def _replace(path: str, old: str, new: str):
    def inject(project: Path):
        file = project / "docs" / path
        source = file.read_text()
        assert old in source, f"test needs {old!r} in {path}"
        file.write_text(source.replace(old, new, 1))
    return inject


def _new_page(path: str, text: str):
    def inject(project: Path):
        (project / "docs" / path).write_text(text)
    return inject


VALID = "---\ntitle: Orphan\ndescription: A page that an author wrote and forgot to add to the navigation.\ntags:\n  - Reference\n---\n\n# Orphan\n"

MISTAKES = {
    "broken link": (
        _append("foundations/index.md", "\nSee [the missing page](no-such-page.md).\n"),
        ["foundations/index.md", "no-such-page.md"],
    ),
    "broken anchor": (
        _append("foundations/index.md", "\nSee [a missing section](../reference/glossary.md#no-such-anchor).\n"),
        ["foundations/index.md", "no-such-anchor"],
    ),
    "absolute link": (
        _append("foundations/index.md", "\nSee [the glossary](/reference/glossary/).\n"),
        ["foundations/index.md", "/reference/glossary/"],
    ),
    "page outside the nav": (
        _new_page("foundations/orphan.md", VALID),
        ["foundations/orphan.md", "not included in the \"nav\""],
    ),
    "page without a description": (
        _replace("foundations/index.md", "description:", "summary:"),
        ["foundations/index.md", "front matter needs 'description'"],
    ),
    "description too short": (
        _new_page("foundations/index.md", VALID.replace("A page that an author wrote and forgot to add to the navigation.", "Too short.")),
        ["foundations/index.md", "'description' is 10 characters"],
    ),
    "malformed front matter": (
        _replace("foundations/index.md", "title:", "title: [unclosed\nbroken:"),
        ["foundations/index.md", "front matter is not valid YAML"],
    ),
    "switch that is not true or false": (
        _replace("reference/whole-guide.md", "theme_script: false", 'theme_script: "false"'),
        ["reference/whole-guide.md", "'theme_script' must be true or false"],
    ),
    "unknown tag": (
        _new_page("foundations/index.md", VALID.replace("- Reference", "- Not a real tag")),
        ["foundations/index.md", "Not a real tag"],
    ),
    "glossary term without an id": (
        _replace("reference/glossary.md", "Calibration { #calibration }", "Calibration"),
        ["reference/glossary.md", "'Calibration' has no id"],
    ),
    "missing snippet": (
        _append("foundations/index.md", '\n--8<-- "includes/no-such-file.md"\n'),
        ["no-such-file.md"],
    ),
}


@pytest.mark.parametrize("mistake", MISTAKES)
def test_author_mistake_fails_the_build(mistake, project, tmp_path):
    inject, expected = MISTAKES[mistake]
    inject(project)
    result = mkdocs_build(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"{mistake} did not fail the build:\n{output}"
    for words in expected:
        assert words in output, f"{mistake}: the message does not say {words!r}:\n{output}"
