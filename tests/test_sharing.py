"""For the owner and the people who share the guide: edit links, link previews, and
what's new (the page, the feed, the home page's latest entries)."""

from __future__ import annotations

import os
import re
import struct
import sys
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from mkdocs.exceptions import PluginError

from helpers import PREFIX, ROOT, SITE_URL, PageWatch, hook, mkdocs_build, nav_files, url_of
from site_server import free_port, serve

EXAMPLE = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "example/ai-pm-field-guide"}
REPOSITORY_ENV = (*EXAMPLE, "DEFAULT_BRANCH")


repository, social_card, whats_new = hook("repository"), hook("social_card"), hook("whats_new")


def build(out: Path, site_url: str, **env: str) -> Path:
    """A strict build of the project with exactly these repository variables set."""
    saved = {name: os.environ.pop(name, None) for name in REPOSITORY_ENV}
    os.environ.update(env)
    try:
        result = mkdocs_build(ROOT, out, site_url)
    finally:
        for name, value in saved.items():
            os.environ.pop(name, None)
            if value is not None:
                os.environ[name] = value
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def port() -> int:
    return free_port()


@pytest.fixture(scope="module")
def with_repository(tmp_path_factory, port) -> Path:
    """The site as the deploy workflow builds it, for the example repository."""
    return build(tmp_path_factory.mktemp("with-repository"), f"http://127.0.0.1:{port}{PREFIX}", **EXAMPLE)


@pytest.fixture(scope="module")
def without_repository(tmp_path_factory, port) -> Path:
    """The site as a laptop builds it: no repository in the environment."""
    return build(tmp_path_factory.mktemp("without-repository"), f"http://127.0.0.1:{port}{PREFIX}")


def page_html(site_dir: Path, src: str) -> str:
    return (site_dir / url_of(src) / "index.html").read_text(encoding="utf-8")


def action_links(html: str) -> list[tuple[str, str]]:
    """(title, address) of each of the theme's page actions."""
    return [(title, unescape(href)) for href, title in
            re.findall(r'<a href="([^"]+)" title="([^"]+)" class="md-content__button md-icon"', html)]


# --- Edit and view links ------------------------------------------------------------------

def test_source_addresses_come_from_the_environment():
    assert repository.source_uris({}, "docs") is None
    assert repository.source_uris({"GITHUB_REPOSITORY": "a/b"}, "docs") is None
    assert repository.source_uris(EXAMPLE, "docs") == (
        "https://github.com/example/ai-pm-field-guide/edit/main/docs/",
        "https://github.com/example/ai-pm-field-guide/raw/main/docs/")
    # A name holding "edit" keeps it: the theme would have replaced every "edit".
    edit, view = repository.source_uris({"GITHUB_SERVER_URL": "https://ghe.example.com/",
                                          "GITHUB_REPOSITORY": "editors/edit-guide", "DEFAULT_BRANCH": "edit"}, "docs")
    assert edit == "https://ghe.example.com/editors/edit-guide/edit/edit/docs/"
    assert view == "https://ghe.example.com/editors/edit-guide/raw/edit/docs/"
    with pytest.raises(PluginError, match="GITHUB_REPOSITORY"):
        repository.source_uris({**EXAMPLE, "GITHUB_REPOSITORY": "no slash"}, "docs")


def test_every_page_links_to_its_own_source(with_repository):
    base = "https://github.com/example/ai-pm-field-guide"
    for src in nav_files():
        links = action_links(page_html(with_repository, src))
        assert links == [("Edit this page", f"{base}/edit/main/docs/{src}"),
                         ("View source of this page", f"{base}/raw/main/docs/{src}")], src


def test_no_edit_link_without_a_repository(without_repository):
    for src in nav_files():
        html = page_html(without_repository, src)
        assert not action_links(html) and "/edit/main/docs/" not in html, src


def test_no_repository_widget(with_repository):
    # The widget's script asks GitHub's API for stars and forks from the reader's browser.
    for page in with_repository.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r'<[^>]+(data-md-component="source"|class="md-source)', html), page


def test_the_theme_still_works_as_the_override_assumes():
    # overrides/partials/actions.html replaces the theme's partial of that name; the
    # header shows the repository widget only when repo_url is set.
    import material

    theme = Path(material.__file__).parent / "templates"
    assert '{% include "partials/actions.html" %}' in (theme / "partials/content.html").read_text()
    actions = (theme / "partials/actions.html").read_text()
    assert "page.edit_url" in actions and "content.action.view" in actions and "replace(part, 'raw')" in actions
    assert "{% if config.repo_url %}" in (theme / "partials/header.html").read_text()


PAGES_TO_WATCH = ["", "llm/evals/", "differentiators/metrics/", "reference/whats-new/"]


def test_pages_ask_no_other_host(browser, with_repository, port):
    with serve(with_repository, PREFIX, port=port) as url:
        context = browser.new_context(viewport={"width": 1366, "height": 768})
        try:
            tab = context.new_page()
            watch = PageWatch(tab)
            for path in PAGES_TO_WATCH:
                tab.goto(url + path)
                tab.wait_for_load_state("networkidle")
            assert not watch.foreign, watch.foreign
            assert not watch.errors, watch.errors
        finally:
            context.close()


# --- Link previews ------------------------------------------------------------------------

def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


def test_the_card_is_a_small_png_of_the_right_size(site):
    data = (site.dir / social_card.PATH).read_bytes()
    assert png_size(data) == (1200, 630)
    assert len(data) < 100 * 1024
    # No date or other text chunk that would change between builds.
    assert not re.search(rb"tIME|tEXt|iTXt|zTXt|eXIf", data)


def test_the_card_is_the_same_bytes_every_build(with_repository, without_repository):
    assert (with_repository / social_card.PATH).read_bytes() == (without_repository / social_card.PATH).read_bytes()
    assert (with_repository / "feed.xml").read_bytes() == (without_repository / "feed.xml").read_bytes()


def meta(html: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for key, value in re.findall(r'<meta (?:property|name)="((?:og|twitter):[^"]+)" content="([^"]*)"', html):
        found.setdefault(key, []).append(unescape(value))
    return found


# Facebook and LinkedIn read Open Graph; X and Slack read twitter:card and fall back to og:*.
ONCE = ["og:type", "og:site_name", "og:title", "og:description", "og:url", "og:image", "og:image:type",
        "og:image:width", "og:image:height", "og:image:alt", "twitter:card"]


def test_every_page_has_its_preview_tags_once(site):
    card = SITE_URL + social_card.PATH
    for src in nav_files():
        tags = meta(page_html(site.dir, src))
        assert all(len(tags.get(key, [])) == 1 for key in ONCE), (src, tags)
        assert tags["og:image"] == [card] and (site.dir / social_card.PATH).is_file()
        assert tags["og:url"] == [SITE_URL + url_of(src)], src
        assert tags["og:image:type"] == ["image/png"]
        assert (tags["og:image:width"], tags["og:image:height"]) == (["1200"], ["630"])
        assert tags["twitter:card"] == ["summary_large_image"]
        assert tags["og:type"] == ["website" if src == "index.md" else "article"]
        assert tags["og:title"][0] and 50 <= len(tags["og:description"][0]) <= 160
        assert "AI PM Field Guide" in tags["og:image:alt"][0]


def test_a_build_without_pillow_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "PIL", None)
    with pytest.raises(PluginError, match=r"social_card\.py: Pillow is not installed.*requirements\.txt"):
        social_card.draw("AI PM Field Guide")


# --- What's new, the feed and the home page ----------------------------------------------

def page_exists(site_dir: Path, address: str) -> bool:
    """Whether an absolute address under SITE_URL is a built page, with its #anchor."""
    assert address.startswith(SITE_URL), address
    path, _, anchor = address.removeprefix(SITE_URL).partition("#")
    file = site_dir / path / "index.html"
    return file.is_file() and (not anchor or f'id="{anchor}"' in file.read_text(encoding="utf-8"))


def source_entries() -> list:
    return whats_new.parse((ROOT / "docs" / whats_new.PAGE).read_text(encoding="utf-8"))


def test_the_feed_holds_every_entry_newest_first(site):
    import feedparser

    feed = feedparser.parse((site.dir / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert {link.rel: link.href for link in feed.feed.links} == {
        "self": SITE_URL + "feed.xml", "alternate": SITE_URL + "reference/whats-new/"}
    entries = source_entries()
    assert len(feed.entries) == len(entries) >= 8
    dates = [entry.updated_parsed[:3] for entry in feed.entries]
    assert dates == sorted(dates, reverse=True)
    assert feed.feed.updated_parsed[:3] == dates[0]
    for item, entry in zip(feed.entries, entries):
        assert item.title == entry.title and item.summary == entry.summary
        assert (item.updated_parsed.tm_year, item.updated_parsed.tm_mon, item.updated_parsed.tm_mday) == \
            (entry.date.year, entry.date.month, entry.date.day)
        assert page_exists(site.dir, item.link), item.link
        assert page_exists(site.dir, item.id), item.id
    assert len({item.id for item in feed.entries}) == len(feed.entries)


def test_every_page_names_the_feed_in_its_head(site):
    for src in nav_files():
        html = page_html(site.dir, src)
        links = re.findall(r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="([^"]+)">', html)
        assert len(links) == 1, src
        here = site.dir / url_of(src)
        assert (here / links[0]).resolve() == (site.dir / "feed.xml").resolve(), (src, links)


def test_the_home_page_shows_the_three_newest_entries(site):
    html = site.html("")
    section = html.split('id="what-is-new-in-the-guide"', 1)[1].split("<h2", 1)[0]
    items = re.findall(r"<li>(.*?)</li>", section, re.S)
    entries = source_entries()[:3]
    assert len(items) == 3
    for item, entry in zip(items, entries):
        text = " ".join(re.sub(r"<[^>]+>", "", item).split())
        assert text == f"{entry.human_date}: {entry.title}", text
        href = re.search(r'href="([^"]+)"', item)[1]
        path, anchor = whats_new.target(entry.link)
        assert href == url_of(path) + anchor, href
        assert page_exists(site.dir, SITE_URL + href)
    assert "latest-entries" not in html


def test_the_about_page_says_how_to_follow_updates(site):
    html = site.html("reference/about/")
    section = html.split('id="how-do-i-follow-updates"', 1)[1].split("<h2", 1)[0]
    assert 'href="../../feed.xml"' in section and 'href="../whats-new/"' in section


ENTRY = "## 5 December 2026: Something\n\nSee [the page](../llm/index.md).\n\n"


@pytest.mark.parametrize("markdown, words", [
    ("# What's new\n", "no entries"),
    ("## 5 Decembr 2026: Something\n\nSee [it](../llm/index.md).\n", "is not a date"),
    ("## 31 November 2026: Something\n\nSee [it](../llm/index.md).\n", "is not a date"),
    ("## 2026-12-05: Something\n\nSee [it](../llm/index.md).\n", "does not start with a date"),
    ("## Something new\n\nSee [it](../llm/index.md).\n", "does not start with a date"),
    ("## 5 December 2026: Something\n\nNo link at all.\n", "links to nothing"),
    ("## 4 December 2026: Older\n\nSee [it](../llm/index.md).\n\n" + ENTRY, "newer than the one above it"),
    (ENTRY + ENTRY, "two entries"),
])
def test_malformed_entries_are_named(markdown, words):
    with pytest.raises(ValueError, match=words):
        whats_new.parse(markdown)


def test_entries_parse_and_list_with_links_from_the_home_page():
    entries = whats_new.parse("---\ntitle: t\n---\n# What's new\n\nIntro [feed](../feed.xml).\n\n" + ENTRY
                              + "## 3 December 2026: Other\n\nThe [lab](../differentiators/metrics.md#try-it).\n")
    assert [e.title for e in entries] == ["Something", "Other"]
    assert entries[0].summary == "See the page."
    assert whats_new.latest(entries) == ("- 5 December 2026: [Something](llm/index.md)\n"
                                         "- 3 December 2026: [Other](differentiators/metrics.md#try-it)")


@pytest.mark.parametrize("old, new, words", [
    ("## 2 December 2026:", "## 2 Dec 2026:", "is not a date"),
    ("## 2 December 2026:", "## 12 December 2026:", "newer than the one above it"),
    ("](whole-guide.md)", "](no-such-page.md)", "which is no page of the guide"),
])
def test_a_malformed_entry_fails_the_build_naming_the_file(project, tmp_path, old, new, words):
    page = project / "docs" / whats_new.PAGE
    source = page.read_text(encoding="utf-8")
    assert old in source
    page.write_text(source.replace(old, new, 1), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "reference/whats-new.md" in output and words in output, output


def test_feed_links_stay_on_the_site(site):
    feed = (site.dir / "feed.xml").read_text(encoding="utf-8")
    hosts = {urlsplit(url).netloc for url in re.findall(r'(?:href="|<id>)(https?://[^"<]+)', feed)}
    assert hosts == {urlsplit(SITE_URL).netloc}
