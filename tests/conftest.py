"""Shared fixtures: one strict build of the site, served the way GitHub Pages serves it,
and a real Chromium to look at it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from site_server import free_port, serve

ROOT = Path(__file__).resolve().parent.parent
# The hooks import their shared module by name, as MkDocs lets them.
sys.path.insert(0, str(ROOT / "overrides/hooks"))
# Pages serves a project site under /<repository>/; the tests do the same. The site
# is built for the address it is served at: Material's instant navigation only
# takes over links that match the site_url its sitemap names.
PREFIX = "/ai-pm-field-guide/"
PORT = free_port()
SITE_URL = f"http://127.0.0.1:{PORT}{PREFIX}"
COPY_IGNORE = shutil.ignore_patterns(".venv", "site", "node_modules", ".git", ".cache", ".pytest_cache", "__pycache__", "test-output")


def mkdocs_build(project: Path, site_dir: Path, site_url: str = SITE_URL) -> subprocess.CompletedProcess:
    """Run the strict build of `project` into `site_dir`, as `make build` does."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )


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
    result = mkdocs_build(ROOT, out)
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


def chromium_path() -> str | None:
    candidates = [os.environ.get("CHROMIUM", "")]
    candidates += [shutil.which(name) or "" for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")]
    candidates += ["/Applications/Chromium.app/Contents/MacOS/Chromium", "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"]
    return next((c for c in candidates if c and os.access(c, os.X_OK)), None)


# The flags keep a headless Chromium from calling home on a closed network.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


# The theme's scripts start after the page's first paint (overrides/main.html), which
# can come after the load event that goto waits for. A click before they run is an
# ordinary page load, as it would be for a reader; tests act on a running theme, so
# goto also waits for it: the site's script has run (it does once the theme has set
# up the page), instant navigation has its sitemap, and the transitions the theme's
# first changes start (link colours, the header's shadow) have ended, so that checks
# such as axe's see the page at rest. Pages opened with JavaScript off set
# `page.javascript = False`.
# A page without the theme's script (front matter `theme_script: false`) keeps the
# `no-js` class and fetches no sitemap; the site's script still runs there.
THEME_RUNNING = """() => !!document.querySelector('.mdx-header-button')
    && (document.documentElement.classList.contains('no-js')
        || performance.getEntriesByType('resource').some(e => e.name.endsWith('/sitemap.xml') && e.responseEnd > 0))
    && document.getAnimations().every(a => !(a instanceof CSSTransition) || a.playState !== 'running')"""


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


class PageWatch:
    """Console errors and requests to other hosts, seen while a test drives a page."""

    def __init__(self, page, allowed_host: str = "127.0.0.1"):
        self.errors: list[str] = []
        self.foreign: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

        def check(request):
            url = request.url
            if url.startswith(("data:", "blob:", "about:")):
                return
            host = url.split("/")[2].split(":")[0] if "//" in url else ""
            if host != allowed_host:
                self.foreign.append(url)

        page.on("request", check)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, color_scheme="light")
    tab = context.new_page()
    tab.watch = PageWatch(tab)
    yield tab
    context.close()


def search(page, query: str):
    """Type `query` into the site's search and return the result items.

    The search worker builds its index after the page loads; a query typed before
    it is ready is dropped, so type again until results show (or 15 s pass). The
    worker answers each keystroke, so wait for the answer to the whole query."""
    box = page.get_by_role("textbox", name="Search")
    if not box.is_visible():
        page.keyboard.press("/")
    results = page.locator(".md-search-result__item")
    for _ in range(15):
        box.fill("")
        box.press_sequentially(query, delay=20)
        try:
            results.first.wait_for(timeout=1000)
            # Results for a prefix of the query may show first; let the last settle.
            page.wait_for_timeout(600)
            return results
        except Exception:
            continue
    raise AssertionError(f"search for {query!r} showed no result")


def wait_until(page, script: str, arg=None, timeout: float = 10.0):
    """Poll a JavaScript function until it returns something truthy.

    Playwright's own wait_for_function compiles its predicate in the page, which the
    site's Content Security Policy (rightly) forbids; page.evaluate is not affected."""
    import time

    deadline = time.monotonic() + timeout
    while True:
        value = page.evaluate(script, arg)
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {script}")
        page.wait_for_timeout(50)
