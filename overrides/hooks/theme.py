"""What the hooks share: the theme's version, and one checked way to rewrite its output.

Every change a hook makes to the HTML or CSS the theme writes goes through rewrite(),
which fails the build when its pattern no longer matches: a theme upgrade then stops
at the first assumption it breaks (each is listed in tests/test_theme_contract.py).
Not a hook: MkDocs puts this folder on sys.path, so hooks import it by name.
"""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

from mkdocs.exceptions import PluginError

MATERIAL = version("mkdocs-material")


def rewrite(text: str, pattern: str | re.Pattern, replacement, *, hook: str, expected: str,
            count: int = 0, at_least: int = 1) -> str:
    """`text` with `pattern` (a string or a regex) replaced, `count` times (0: all).

    Fails the build if it matched fewer than `at_least` times."""
    if isinstance(pattern, str):
        found = text.count(pattern)
        new = text.replace(pattern, replacement, count or -1)
    else:
        new, found = pattern.subn(replacement, text, count=count)
    if found < at_least:
        raise changed(hook, expected, found)
    return new


def changed(hook: str, expected: str, found: int) -> PluginError:
    return PluginError(f"{hook}: expected {expected} in the theme's output (mkdocs-material {MATERIAL}) "
                       f"and found it {found} times; has the theme changed? Update {hook} and "
                       "tests/test_theme_contract.py.")


def search_worker(site_dir: str, hook: str) -> Path:
    """The theme's search worker in the built site."""
    workers = sorted(Path(site_dir, "assets", "javascripts", "workers").glob("search.*.min.js"))
    if len(workers) != 1:
        raise changed(hook, "one search worker at assets/javascripts/workers/search.*.min.js", len(workers))
    return workers[0]
