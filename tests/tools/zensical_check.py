"""`make zensical-check`: build the same mkdocs.yml with MkDocs and with Zensical and
report which pages and which of the guide's features differ. Exits 1 when anything
differs, so the CI job shows it (the job may fail without blocking a merge)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Each feature: how to recognise it in a built page, and which pages must show it.
FEATURES = {
    "content (an <h1>)": (r"<h1\b", "every"),
    "glossary tooltips (<abbr>)": (r"<abbr title=", "every"),
    "tags on the page": (r'class="md-tag', "every"),
    "reading time and last update": (r'class="mdx-page-info"', "every"),
    "Pages that link here": (r'id="pages-that-link-here"', "differentiators/metrics"),
    "formulas as MathML": (r"<math\b", "differentiators/metrics"),
    "metrics lab": (r'data-mdx-widget="metrics-lab"', "differentiators/metrics"),
    "quiz": (r'data-mdx-widget="fit-quiz"', "startup-vs-big-tech/choosing"),
    "sample-size calculator": (r'data-mdx-widget="sample-size"', "toolkit/sample-size"),
    "LLM cost calculator": (r'data-mdx-widget="llm-cost"', "toolkit/llm-cost"),
    "lifecycle diagram (inline SVG)": (r'<svg[^>]*class="mdx-diagram"', "foundations/lifecycle"),
    "tables written inside the theme's scroll container": (r'<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table', "differentiators/metrics"),
    "whole guide on one page": (r'class="mdx-whole-guide__page"', "reference/whole-guide"),
    "Content Security Policy": (r'http-equiv="Content-Security-Policy"', "every"),
    "site script": (r'assets/javascripts/site\.js', "every"),
    "theme scripts start after the first paint": (r'<template id="mdx-scripts">', "every"),
    "palette set up as the header is parsed": (r'form\.removeAttribute\("data-md-component"\)', "every"),
    "the header's colour as theme-color": (r'<meta name="theme-color" content="#', "every"),
    "the logo drawn in the page (an icon, no image file)": (r'class="md-header__button md-logo"[^>]*>\s*<svg', "every"),
    "one-page version without the theme script": (r'<template id="mdx-scripts">(?:(?!bundle\.)[^<]|<(?!/template))*</template>', "reference/whole-guide"),
}


def run(command: list[str], cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, env={**os.environ, **(env or {})}, capture_output=True, text=True)


def pages(site: Path) -> dict[str, str]:
    return {p.parent.relative_to(site).as_posix(): p.read_text(encoding="utf-8", errors="replace")
            for p in site.rglob("index.html")}


def compare(mkdocs_site: Path, zensical_site: Path) -> list[str]:
    before, after = pages(mkdocs_site), pages(zensical_site)
    lines = [f"missing page: {p}" for p in sorted(set(before) - set(after))]
    lines += [f"extra page: {p}" for p in sorted(set(after) - set(before))]
    for name, (pattern, where) in FEATURES.items():
        targets = sorted(set(before) & set(after)) if where == "every" else [where]
        lost = [p for p in targets if p in before and p in after
                and re.search(pattern, before[p]) and not re.search(pattern, after[p])]
        if lost:
            shown = ", ".join(lost[:3]) + (f" and {len(lost) - 3} more" if len(lost) > 3 else "")
            lines.append(f"feature lost: {name} on {shown}")
    return lines


def main() -> int:
    zensical = ROOT / ".venv-zensical" / "bin" / "zensical"
    mkdocs = [str(ROOT / ".venv" / "bin" / "python"), "-m", "mkdocs"]
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "project"
        shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv*", "site", "node_modules", ".git", "test-output"))
        built = run(mkdocs + ["build", "-q", "-d", str(Path(tmp) / "mkdocs")], copy, {"NO_MKDOCS_2_WARNING": "1"})
        if built.returncode:
            print(built.stderr)
            return 2
        result = run([str(zensical), "build"], copy)
        print(f"Zensical {run([str(zensical), '--version'], copy).stdout.strip()}: build "
              + ("succeeded" if result.returncode == 0 else "FAILED"))
        if result.returncode:
            print(result.stdout[-3000:] + result.stderr[-3000:])
            return 1
        lines = compare(Path(tmp) / "mkdocs", copy / "site")
    print("\n".join(lines) if lines else "No difference in pages or features.")
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main())
