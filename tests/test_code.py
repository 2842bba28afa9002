"""The site's own code stays small and says why in few words (the long why is in
PERFORMANCE.md and the README), with no machine's timings in it."""

from __future__ import annotations

import ast
import re

import pytest

from helpers import ROOT

HOOKS = sorted((ROOT / "overrides/hooks").glob("*.py"))
# A figure measured on some machine: "7 ms", "0.45 s", "1.35 seconds".
TIMING = re.compile(r"\b\d+(?:\.\d+)?\s?(?:ms|s|seconds?|milliseconds?)\b")


@pytest.mark.parametrize("path", HOOKS, ids=lambda p: p.name)
def test_a_hook_is_short_and_its_docstring_too(path):
    source = path.read_text(encoding="utf-8")
    assert len(source.splitlines()) <= 150, f"{path.name}: over 150 lines; split it by concern"
    docstring = ast.get_docstring(ast.parse(source), clean=False) or ""
    assert docstring, f"{path.name}: say in a docstring what it is for"
    assert len(docstring.splitlines()) <= 10, f"{path.name}: the docstring has {len(docstring.splitlines())} lines; 10 at most"


@pytest.mark.parametrize("path", [*HOOKS, *(ROOT / "docs/assets/javascripts").rglob("*.js"),
                                  ROOT / "overrides/main.html", *(ROOT / "overrides/partials").rglob("*.html")],
                         ids=lambda p: p.name)
def test_no_timings_in_code_or_comments(path):
    found = TIMING.findall(path.read_text(encoding="utf-8"))
    assert not found, f"{path.relative_to(ROOT)}: {found}; figures belong in PERFORMANCE.md"


def test_the_timing_pattern_finds_timings():
    assert TIMING.findall("took 7 to 20 ms, then 0.45 s") == ["20 ms", "0.45 s"]
    assert not TIMING.findall("3 stylesheets, 80 KB, 390 px, `ms`, items")
