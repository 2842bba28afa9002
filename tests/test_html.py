"""Valid HTML: the Nu HTML Checker on every page, and no javascript: links."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from helpers import PAGES, ROOT


# Errors the Nu HTML Checker finds in markup that Material's own templates write, which
# cannot be fixed without copying those templates into overrides/ (they would drift
# from the theme and break on upgrade).
THEME_ERRORS = {
    "Attribute “autocomplete” is only allowed when the input type is":
        "base.html puts autocomplete=off on the drawer and search checkboxes, so "
        "Firefox does not restore them open after a reload.",
    "Bad value “” for attribute “tabindex” on element “label”":
        "partials/nav-item.html writes an empty tabindex on section labels when "
        "navigation.sections is on.",
    "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control":
        "partials/toc.html labels the table-of-contents toggle even on pages "
        "whose table of contents is empty or hidden.",
}


def test_no_link_goes_to_a_javascript_address(site):
    # Not a crawlable link (Lighthouse SEO); the theme's search share link had one.
    for path in PAGES + ["404.html"]:
        found = re.findall(r'<a\b[^>]*href="javascript:[^"]*"[^>]*>', site.html(path))
        assert not found, f"/{path}: {found}"


@pytest.mark.slow
def test_the_html_checker_finds_no_error(site):
    jar = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
    assert jar.is_file(), "run `make test` (npm ci installs vnu-jar)"
    result = subprocess.run(["java", "-jar", str(jar), "--errors-only", "--format", "json",
                             "--skip-non-html", str(site.dir)], capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr)["messages"]
    assert messages, "the checker found nothing at all: is the theme's known markup gone?"
    ours = [m for m in messages if not any(m["message"].startswith(k) for k in THEME_ERRORS)]
    report = [f"{Path(m['url']).parent.name}: {m['message']} | {m.get('extract', '').strip()[:120]}" for m in ours]
    assert not report, "\n".join(report)
