"""The built site as a reader's browser gets it: nothing from another host, every
internal link answers under a project-pages prefix, and the home page works in Chromium."""

from __future__ import annotations

import http.client
import re
import urllib.error
import urllib.request
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

from helpers import PREFIX, SITE_URL, search

# Attributes through which a page loads something (not plain links to read elsewhere).
LOADS = [("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"),
         ("video", "src"), ("audio", "src"), ("embed", "src"), ("object", "data"),
         ("input", "src"), ("image", "href"), ("use", "href")]
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)""")


def foreign(url: str) -> bool:
    """True for a URL that would reach a host other than the site's own."""
    url = url.strip()
    if url.startswith(("data:", "#", "blob:")):
        return False
    parts = urlsplit(url)
    if not parts.netloc:
        return False
    return not url.startswith(SITE_URL)


def test_no_page_loads_an_asset_from_another_host(site):
    found = []
    for page in site.pages():
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in LOADS:
            for element in soup.find_all(tag):
                if foreign(element.get(attribute, "")):
                    found.append(f"{page.relative_to(site.dir)}: <{tag} {attribute}={element[attribute]}>")
        for link in soup.find_all("link"):
            rel = set(link.get("rel", []))
            if rel - {"canonical", "alternate", "prev", "next"} and foreign(link.get("href", "")):
                found.append(f"{page.relative_to(site.dir)}: <link rel={' '.join(rel)} href={link['href']}>")
        for style in soup.find_all(style=True):
            found += [f"{page.relative_to(site.dir)}: style url {u}" for u in CSS_URL.findall(style["style"]) if foreign(u[0] or u[1])]
    for sheet in site.dir.rglob("*.css"):
        for match in CSS_URL.findall(sheet.read_text(encoding="utf-8")):
            if foreign(match[0] or match[1]):
                found.append(f"{sheet.relative_to(site.dir)}: {match[0] or match[1]}")
    assert not found, "\n".join(found)


def test_the_foreign_check_catches_a_cdn():
    assert foreign("https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-mml-chtml.js")
    assert foreign("//fonts.googleapis.com/css?family=Roboto")
    assert not foreign("../assets/stylesheets/extra.css")
    assert not foreign(SITE_URL + "assets/x.css")
    assert foreign("https://owner.github.io/ai-pm-field-guide/assets/x.css")


def internal_targets(html: str, page_url: str) -> set[str]:
    soup = BeautifulSoup(html, "html.parser")
    targets = set()
    for tag, attribute in [("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")]:
        for element in soup.find_all(tag):
            value = element.get(attribute)
            if not value or value.startswith(("mailto:", "javascript:", "data:", "#")):
                continue
            url = urljoin(page_url, value)
            if urlsplit(url).netloc == urlsplit(page_url).netloc:
                targets.add(url.split("#")[0])
    return targets


def test_every_internal_link_and_asset_answers_under_a_subpath(site, base_url):
    assert base_url.endswith(PREFIX)
    broken, checked = [], set()
    for page in site.pages():
        relative = page.relative_to(site.dir).as_posix()
        page_url = base_url + relative.removesuffix("index.html")
        if relative == "404.html":
            page_url = base_url + "no/such/page/"  # served wherever a reader strays
        try:
            with urllib.request.urlopen(page_url) as response:
                html = response.read().decode()
        except urllib.error.HTTPError as error:
            assert relative == "404.html" and error.code == 404, f"{page_url} -> {error.code}"
            html = error.read().decode()
        for target in internal_targets(html, page_url) - checked:
            checked.add(target)
            try:
                urllib.request.urlopen(target).close()
            except urllib.error.HTTPError as error:
                broken.append(f"{relative}: {target} -> {error.code}")
    assert len(checked) > len(site.pages())
    assert not broken, "\n".join(broken)


def test_the_local_server_keeps_connections_open_as_github_pages_does(base_url):
    # make bench measures through this server: one connection per request would
    # charge each stylesheet and script a connection a reader's browser reuses.
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request("GET", parts.path + "reference")  # a folder without its slash
        moved = connection.getresponse()
        assert moved.status == 301 and moved.read() == b""
        for path in (moved.headers["Location"], parts.path + "search/search_index.json"):
            connection.request("GET", path)
            response = connection.getresponse()
            assert response.status == 200 and response.read()
            assert not response.will_close, f"{path}: the server closed the connection"
    finally:
        connection.close()


def test_home_page_in_chromium(page, base_url):
    page.goto(base_url)
    assert page.title() == "AI PM Field Guide"

    # Search returns a result.
    results = search(page, "precision")
    assert "precision" in results.first.inner_text().lower()

    # The palette toggle cycles system -> light -> dark.
    page.keyboard.press("Escape")
    body = page.locator("body")
    for _ in range(2):
        page.locator(".md-header__option label:visible").click()
    assert body.get_attribute("data-md-color-scheme") == "slate"

    assert page.watch.errors == []
    assert page.watch.foreign == []
