"""Guardrails: a build is reproducible, every page carries a Content Security Policy
that Chromium enforces, a link checker finds nothing broken, `mkdocs serve`
survives an author's mistake, and every npm tool supports the Node.js we promise."""

from __future__ import annotations

import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from urllib.parse import urlsplit

from helpers import DEPLOYED, PREFIX, ROOT, PageWatch, inline_styles, mkdocs_build
from site_server import free_port, serve


def test_two_builds_of_the_same_commit_are_byte_identical(site, tmp_path):
    again = tmp_path / "again"
    result = mkdocs_build(ROOT, again, env=DEPLOYED)
    assert result.returncode == 0, result.stderr
    first = sorted(p.relative_to(site.dir) for p in site.dir.rglob("*") if p.is_file())
    second = sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert first == second
    differ = [str(p) for p in first if not filecmp.cmp(site.dir / p, again / p, shallow=False)]
    assert not differ, differ


# --- Content Security Policy -----------------------------------------------------------------

def policy_of(html: str) -> str:
    found = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
    assert found, "no Content-Security-Policy meta tag"
    return found[1]


def test_every_page_has_a_strict_policy(site):
    for page in site.pages():
        html = page.read_text(encoding="utf-8")
        policy = dict(rule.split(" ", 1) for rule in policy_of(html).split("; "))
        assert policy["default-src"] == "'self'"
        assert policy["object-src"] == "'none'" and policy["base-uri"] == "'self'"
        assert "unsafe-inline" not in policy["script-src"] and "unsafe-eval" not in policy["script-src"]
        # No inline style, but for the stylesheets a page carries (inline_styles: true):
        # each page would carry its bytes and a hash for it.
        styles = len(re.findall(r"<style>", html))
        assert len(policy["style-src"].split()) == 1 + styles, policy["style-src"]
        if page.parent.relative_to(site.dir).as_posix() + "/" not in inline_styles():
            assert policy["style-src"] == "'self'", \
                f"{page.relative_to(site.dir)}: an inline <style> ({policy['style-src']}); move it to a stylesheet"
        # The policy comes before anything that loads.
        assert html.index("Content-Security-Policy") < html.index("<link")


def test_a_page_without_meta_charset_fails_the_build_saying_why():
    import csp
    from mkdocs.exceptions import PluginError

    assert 'http-equiv="Content-Security-Policy"' in csp.with_policy('<head><meta charset="utf-8"></head>')
    with pytest.raises(PluginError, match=r"csp\.py: .*base\.html"):
        csp.with_policy("<head></head>")


def test_an_inline_script_the_policy_does_not_allow_is_blocked(site, browser, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site.dir, copy)
    page_file = copy / "index.html"
    html = page_file.read_text(encoding="utf-8")
    page_file.write_text(html.replace("</body>", "<script>window.__injected = true</script></body>"))
    with serve(copy, PREFIX, port=free_port()) as url:
        page = browser.new_page()
        watch = PageWatch(page)
        page.goto(url)
        assert page.evaluate("window.__injected") is None
        assert any("Content Security Policy" in e for e in watch.errors), watch.errors
        page.close()


# --- Links ------------------------------------------------------------------------------------

# Running as root, LinkChecker drops to 'nobody', who may not be able to read this
# checkout (a clone in a 0700 temporary folder) and then loses its plugins, the anchor
# check among them, without a word. It only reads our own local server, so it keeps
# the caller's user here.
LINKCHECKER = "import linkcheck.command.linkchecker as c; c.drop_privileges = lambda: None; c.linkchecker()"


def linkcheck(url: str, *options: str) -> subprocess.CompletedProcess:
    # A missing #anchor is a warning to LinkChecker; warnings make it exit 1 too.
    return subprocess.run([sys.executable, "-c", LINKCHECKER, "--config", str(ROOT / "tests/linkcheckerrc"),
                           "--no-status", *options, url], capture_output=True, text=True, timeout=600)


@pytest.mark.slow
def test_the_link_checker_finds_no_broken_link_or_anchor_under_a_subpath(site, tmp_path):
    # One crawl of the whole site, with one broken anchor planted in the home page:
    # the plant is reported, so the anchor check ran, and nothing else is.
    copy = tmp_path / "site"
    shutil.copytree(site.dir, copy)
    home = copy / "index.html"
    home.write_text(home.read_text().replace("</article>", '<a href="reference/glossary/#no-such-term">x</a></article>'))
    with serve(copy, PREFIX, port=free_port()) as url:
        result = linkcheck(url)
    report = result.stdout + result.stderr
    assert "dropping privileges" not in report, report[-2000:]
    assert "Anchor `no-such-term' (decoded" in result.stdout, report[-5000:]
    found = re.search(r"(\d+) warnings? found", report)
    errors = re.search(r"(\d+) errors? found", report)
    assert found and found[1] == "1" and errors and errors[1] == "0", report[-5000:]
    checked = re.search(r"(\d+) links? in (\d+) URLs? checked", report)
    assert checked and int(checked[2]) > 300, report[-2000:]


def test_external_links_are_well_formed(site):
    bad = []
    for page in site.pages():
        for href in re.findall(r'<a [^>]*href="(https?://[^"]*)"', page.read_text(encoding="utf-8")):
            parts = urlsplit(href)
            if parts.scheme != "https" and parts.hostname not in {"127.0.0.1", "localhost"}:
                bad.append(f"{page.name}: not https: {href}")
            elif not parts.hostname or "." not in parts.hostname or " " in href:
                bad.append(f"{page.name}: malformed: {href}")
    assert not bad, "\n".join(sorted(set(bad)))


# --- Author mistakes while serving ----------------------------------------------------------------

def get(url: str, timeout: float = 5) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode()


def test_mkdocs_serve_survives_a_broken_page_and_recovers(project):
    port = free_port()
    log = project / "serve.log"
    with open(log, "w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
            cwd=project, stdout=out, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    url = f"http://127.0.0.1:{port}/foundations/"
    page = project / "docs/foundations/index.md"
    original = page.read_text()
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                html = get(url)
                break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.3)
        assert "livereload" in html, "mkdocs serve does not live-reload (check the click pin)"

        page.write_text(original + "\nSee [the missing page](no-such-page.md).\n")
        wait_for_log(log, "Aborted with 1 warnings in strict mode")
        text = log.read_text()
        assert "foundations/index.md" in text and "no-such-page.md" in text
        assert server.poll() is None, "the server stopped"

        page.write_text(original + "\nThe page is back.\n")
        deadline = time.monotonic() + 60
        while "The page is back." not in get(url, timeout=30):
            assert time.monotonic() < deadline
            time.sleep(0.3)
    finally:
        server.terminate()
        server.wait(timeout=10)


def wait_for_log(log, words: str, timeout: float = 60):
    deadline = time.monotonic() + timeout
    while words not in log.read_text():
        assert time.monotonic() < deadline, log.read_text()[-3000:]
        time.sleep(0.2)


# --- npm tools and Node.js --------------------------------------------------------
# package.json promises Node.js 20 (the machines run 20). A tool whose "engines" asks
# for more still installs, with an EBADENGINE warning, and runs unsupported:
# markdownlint-cli2 0.23 and later need Node.js 22, so it is pinned at 0.22.1.

def _version(text: str) -> tuple[int, ...]:
    parts = [int(p) for p in text.strip().lstrip("v=").split(".") if p not in ("*", "x", "")]
    return tuple(parts + [0] * (3 - len(parts)))


def node_allows(spec: str, node: str) -> bool:
    """Whether an "engines" range such as ">=20", ">= 10.*" or "6.* || >=10" allows
    the Node.js version `node`. Forms npm allows but this does not read raise, so that
    a range this test cannot read fails it instead of passing it."""
    have = _version(node)
    for alternative in spec.split("||"):
        comparators = re.findall(r"(>=|<=|>|<|\^|~|=)?\s*([\dx*][\w.*]*)", alternative)
        if not comparators:
            raise ValueError(f"cannot read the engines range {spec!r}")
        ok = True
        for op, version in comparators:
            want = _version(version)
            wildcard = version in ("*", "x") or version.endswith((".*", ".x"))
            if op == ">=":
                ok &= have >= want
            elif op == ">":
                ok &= have > want
            elif op == "<=":
                ok &= have <= want
            elif op == "<":
                ok &= have < want
            elif op == "^":
                ok &= have >= want and have[0] == want[0]
            elif op == "~":
                ok &= have >= want and have[:2] == want[:2]
            elif version in ("*", "x"):
                pass
            elif wildcard:
                ok &= have[: len(version.split(".")) - 1] == want[: len(version.split(".")) - 1]
            else:
                ok &= have == want
        if ok:
            return True
    return False


def test_node_allows_reads_the_ranges_in_the_lock_file():
    assert node_allows(">=20", "20.0.0") and not node_allows(">=22", "20.20.2")
    assert node_allows(">= 10.*", "20.0.0") and node_allows("6.* || 8.* || >= 10.*", "20.0.0")
    assert node_allows("6.* || 8.*", "8.1.0") and not node_allows("6.* || 8.*", "20.0.0")
    assert node_allows("*", "20.0.0") and node_allows("^20.1", "20.3.0") and not node_allows("^18", "20.0.0")
    assert not node_allows(">=18 <20", "20.0.0") and node_allows(">=18 <21", "20.0.0")


def test_every_npm_tool_supports_the_node_version_package_json_promises():
    package = json.loads((ROOT / "package.json").read_text())
    promised = re.fullmatch(r">=\s*(\d+(?:\.\d+)*)", package["engines"]["node"])
    assert promised, "package.json's engines.node should read \">=N\""
    lock = json.loads((ROOT / "package-lock.json").read_text())
    unsupported = {
        path.removeprefix("node_modules/"): entry["engines"]["node"]
        for path, entry in lock["packages"].items()
        if path and isinstance(entry.get("engines"), dict) and "node" in entry["engines"]
        and not node_allows(entry["engines"]["node"], promised[1])
    }
    assert not unsupported, (
        f"these npm packages need a newer Node.js than package.json promises "
        f"({package['engines']['node']}): {unsupported}; pin an older version "
        f"(and tell .github/dependabot.yml to leave it there)"
    )
