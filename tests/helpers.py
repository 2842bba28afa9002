"""What the tests share: the guide's pages and front matter, its hooks, the build,
and how to drive Chromium. Fixtures are in conftest.py; no test module imports another."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from site_server import free_port

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
# What GitHub's runners set when the deploy workflow builds: pages then carry their
# edit and view links, and the tests measure the pages readers get.
DEPLOYED = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "example/ai-pm-field-guide"}

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}
SIZES = {"phone": PHONE, "desktop": DESKTOP}
SCHEMES = ["light", "dark"]


def mkdocs_build(project: Path, site_dir: Path, site_url: str = SITE_URL, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the strict build of `project` into `site_dir`, as `make build` does."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )


# --- The guide's pages -------------------------------------------------------------------

class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml's !ENV and !!python/name tags as plain values."""


_Loader.add_constructor("!ENV", lambda loader, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: suffix)


def config() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=_Loader)


def nav_files() -> list[str]:
    def walk(items):
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                yield from walk(value)
            else:
                yield value

    return list(walk(config()["nav"]))


def url_of(src: str) -> str:
    """A page's address under the site: "differentiators/metrics/", "" for the home page."""
    return "" if src == "index.md" else re.sub(r"(^|/)index\.md$", r"\1", src).removesuffix(".md") + ("/" if not src.endswith("index.md") else "")


PAGES = [url_of(src) for src in nav_files()]


def split(src: str) -> tuple[dict, str]:
    """A page's front matter and body."""
    text = (ROOT / "docs" / src).read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n(.*)", text, re.S)
    assert match, f"{src}: no front matter"
    return yaml.safe_load(match.group(1)), match.group(2)


def inline_styles() -> set[str]:
    """Pages whose front matter says `inline_styles: true`."""
    return {url_of(src) for src in nav_files() if split(src)[0].get("inline_styles") is True}


def glossary_terms() -> dict[str, str]:
    """Glossary id -> headword, from 'Headword { #id }' lines."""
    body = split("reference/glossary.md")[1]
    return {m[1]: m[0].strip() for m in re.findall(r"^(\S[^\n{]*?)\s*\{\s*#([\w-]+)\s*\}\s*$", body, re.M)}


def hook(name: str):
    """A build hook from overrides/hooks, as a module."""
    spec = importlib.util.spec_from_file_location(name, ROOT / f"overrides/hooks/{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- Chromium ------------------------------------------------------------------------------

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




def new_page(browser, size=DESKTOP, scheme="light", **options):
    context = browser.new_context(viewport=size, color_scheme=scheme, **options)
    tab = context.new_page()
    tab.watch = PageWatch(tab)
    tab.javascript = options.get("java_script_enabled", True)
    return tab


# The theme's result list: its status line says this until a query is answered.
SEARCH_STATUS = ".md-search-result__meta"
SEARCH_PLACEHOLDER = "Type to start searching"


def ask(page, query: str, timeout: float = 10.0):
    """Put `query` in the open search box at once and wait for the answer to it.

    The box is emptied first and the status line waited on, so the results read are
    the answer to this query, not to the one before (the theme reads the box on keyup)."""
    box = page.get_by_role("textbox", name="Search")
    if box.input_value():
        box.fill("")
        box.press("End")
        wait_until(page, "([s, p]) => document.querySelector(s).textContent === p", [SEARCH_STATUS, SEARCH_PLACEHOLDER])
    box.fill(query)
    box.press("End")
    wait_until(page, "([s, p]) => document.querySelector(s).textContent !== p", [SEARCH_STATUS, SEARCH_PLACEHOLDER], timeout)


def search(page, query: str):
    """Open the site's search, type `query` and return the result items.

    The search worker builds its index after the page loads, and drops a query that
    comes before it is ready: ask again until one is answered (or 15 s pass)."""
    box = page.get_by_role("textbox", name="Search")
    if not box.is_visible():
        page.keyboard.press("/")
    results = page.locator(".md-search-result__item")
    for _ in range(15):
        try:
            ask(page, query, timeout=1)
            results.first.wait_for(timeout=1000)
            return results
        except Exception:  # not answered, or "Initializing search": ask again
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


# --- Shared by several browser tests -------------------------------------------

def scheme_of(page) -> str:
    return page.locator("body").get_attribute("data-md-color-scheme")


def follow(page, href):
    """Click a link to href from the current page, as a reader would."""
    page.evaluate("""href => {
        const a = document.createElement('a'); a.href = href; a.textContent = 'go';
        document.querySelector('article').append(a); a.click(); }""", href)


FOCUS_SHOWN = r"""() => {
  let el = document.activeElement;
  if (el.matches('input.md-option')) el = el.nextElementSibling;  // the label is drawn
  for (let i = 0; el && i < 3; i++, el = el.parentElement) {
    const style = getComputedStyle(el);
    if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) return true;
    // A shadow counts only if some colour in it shows: the header always has a
    // transparent one, which would pass every header button.
    if ((style.boxShadow.match(/rgba?\([^)]*\)/g) || []).some(c => !/,\s*0\)$/.test(c))) return true;
  }
  return false;
}"""


def tab_through(page, tabs: int) -> list[str]:
    """Press Tab so many times; list each stop where the focus could not be seen."""
    hidden, before = [], "the page"
    for step in range(tabs):
        page.keyboard.press("Tab")
        now = page.evaluate("document.activeElement.outerHTML.slice(0, 120)")
        if not page.evaluate(FOCUS_SHOWN):
            hidden.append(f"Tab {step + 1}, after {before}: {now}")
        before = now
    return hidden
