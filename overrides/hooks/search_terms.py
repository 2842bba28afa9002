"""What a search word matches, and which words a result takes to its page (README, "Search").

Material adds a wildcard to every query word, and lunr then keeps its stop words: "what
will my llm feature cost" matched "whatever" and "myth". So lunr's own stop words, read
from the theme's worker, and "vs" go into the separator, dropped from the query as from
the text. A page found only through its sections got an empty `?h=`; the worker now gives
it its best section's words (a checked rewrite, of the same length, so its source map
holds). And the one-page version, out of search, gets one entry: title and description.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from theme import rewrite

HOOK = "search_terms.py"
EXTRA_STOP_WORDS = ["vs"]
_STOP_WORDS = re.compile(r"generateStopWordFilter\(\[((?:\"[a-z]+\",?)+)\]\)")
# The worker lists a page whose sections matched but whose own entry did not.
_PATCHED = re.compile(r"\w+\.push\(\{\.\.\.this\.map\.get\(\w+\),score:0,terms:\w+\[0\]\.terms\}\);")
_EMPTY_TERMS = re.compile(r"\{let (\w+)=this\.map\.get\((\w+)\);(\w+)\.push\(\w+\(\w+\(\{\},\1\),"
                          r"\{score:0,terms:\{\}\}\)\)\}")


def worker_of(site_dir: str) -> Path:
    workers = sorted(Path(site_dir, "assets", "javascripts", "workers").glob("search.*.min.js"))
    if len(workers) != 1:
        raise PluginError(f"{HOOK}: expected the theme's search worker at "
                          f"assets/javascripts/workers/search.*.min.js, found {len(workers)}")
    return workers[0]


def stop_words(worker: str) -> list[str]:
    """lunr's English stop words, as the worker holds them."""
    found = _STOP_WORDS.search(worker)
    if not found:
        raise PluginError(f"{HOOK}: lunr's list of stop words is not in the theme's search worker; "
                          "has the theme changed? Update the hook.")
    return json.loads(f"[{found[1]}]")


def separator(base: str, words: list[str]) -> str:
    """`base` with an alternative that drops each word, its first letter in either case.

    The words are grouped by first letter ("[Ww](?:hat|hen|...)"): the worker splits
    every page with this expression as it builds the index, and grouped it runs about
    as fast as `base` alone, where a flat list of 120 words took twice as long."""
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    alternatives = "|".join(f"[{c.upper()}{c}](?:{'|'.join(rest)})" for c, rest in sorted(groups.items()))
    return rf"{base}|\b(?:{alternatives})\b(?!/\w\b|['’])"


def with_section_terms(worker: str) -> str:
    """The worker, giving a page listed for its sections the words of the best one.

    Same length: the replacement is padded with spaces."""
    if _PATCHED.search(worker):
        return worker
    def replace(m: re.Match) -> str:
        items = m[3]
        new = f"{items}.push({{...this.map.get({m[2]}),score:0,terms:{items}[0].terms}});"
        return new.ljust(len(m[0]))
    return rewrite(worker, _EMPTY_TERMS, replace, hook=HOOK, count=1,
                   expected="the search worker's entry for a page found by its sections only")


_excluded: list[dict] = []


def on_pre_build(config):
    _excluded.clear()  # `mkdocs serve` builds again in the same process


def on_page_context(context, page, config, nav):
    if (page.meta.get("search") or {}).get("exclude"):
        entry = {"location": page.url, "title": html.escape(page.title, quote=False),
                 "text": f"<p>{html.escape(page.meta.get('description', ''), quote=False)}</p>"}
        if page.meta.get("tags"):
            entry["tags"] = [str(tag) for tag in page.meta["tags"]]
        _excluded.append(entry)
    return context


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config):
    index_path = Path(config.site_dir) / "search" / "search_index.json"
    if not index_path.is_file():
        return
    worker = worker_of(config.site_dir)
    code = worker.read_text(encoding="utf-8")
    patched = with_section_terms(code)
    if patched != code:
        worker.write_text(patched, encoding="utf-8")
    index = json.loads(index_path.read_text(encoding="utf-8"))
    index["docs"] += _excluded
    index["config"]["separator"] = separator(index["config"]["separator"], stop_words(code) + EXTRA_STOP_WORDS)
    index_path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
