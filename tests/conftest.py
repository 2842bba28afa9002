"""Fixtures: one strict build of the site, served the way GitHub Pages serves it, and a
real Chromium to look at it. What tests share besides fixtures is in helpers.py."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers import COPY_IGNORE, DEPLOYED, PORT, PREFIX, ROOT, SITE_URL, THEME_RUNNING, CHROMIUM_ARGS, PageWatch, chromium_path, mkdocs_build, wait_until
from site_server import serve


@dataclass
class Site:
    dir: Path

    def pages(self) -> list[Path]:
        return sorted(self.dir.rglob("*.html"))

    def html(self, url_path: str) -> str:
        path = self.dir / url_path.strip("/")
        return (path / "index.html" if path.is_dir() else path).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    out = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, out, env=DEPLOYED)
    assert result.returncode == 0, result.stderr
    return Site(out)


@pytest.fixture(scope="session")
def base_url(site) -> str:
    """The built site on 127.0.0.1 under the project-pages prefix."""
    with serve(site.dir, PREFIX, port=PORT) as url:
        assert url == SITE_URL
        yield url


@pytest.fixture
def project(tmp_path) -> Path:
    """A throwaway copy of the project, for tests that break it on purpose."""
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=COPY_IGNORE)
    return copy


def _wait_for_the_theme(page_class):
    goto = page_class.goto

    def goto_and_wait(self, url, **options):
        response = goto(self, url, **options)
        if getattr(self, "javascript", True) and response is not None:
            wait_until(self, THEME_RUNNING)
        return response

    page_class.goto = goto_and_wait


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import Page, sync_playwright

    _wait_for_the_theme(Page)
    executable = chromium_path()
    if executable is None:
        pytest.fail("No Chromium found: run `make test`, which installs it, or set CHROMIUM")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, color_scheme="light")
    tab = context.new_page()
    tab.watch = PageWatch(tab)
    yield tab
    context.close()




# `make test-fast` leaves these out (README).
BROWSER_FIXTURES = {"browser", "page", "crawls", "with_scroll_bars"}


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives Chromium")
    config.addinivalue_line("markers", "slow: builds a copy of the project, or checks the whole site with an outside tool")


def pytest_collection_modifyitems(items):
    for item in items:
        if BROWSER_FIXTURES & set(item.fixturenames):
            item.add_marker(pytest.mark.browser)
        if "project" in item.fixturenames:
            item.add_marker(pytest.mark.slow)
