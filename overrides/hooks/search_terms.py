"""What a search word matches (README, "Search").

Material adds a wildcard to every query word, and lunr then keeps its stop words: "what
will my llm feature cost" matched "whatever" and "myth". So lunr's own stop words, read
from the theme's worker, and "vs" go into the separator, dropped from the query as from
the text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.plugins import event_priority

from theme import changed, search_worker

HOOK = "search_terms.py"
EXTRA_STOP_WORDS = ["vs"]
_STOP_WORDS = re.compile(r"generateStopWordFilter\(\[((?:\"[a-z]+\",?)+)\]\)")


def stop_words(worker: str) -> list[str]:
    """lunr's English stop words, as the worker holds them."""
    found = _STOP_WORDS.search(worker)
    if not found:
        raise changed(HOOK, "lunr's list of stop words in the search worker", 0)
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


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config):
    index_path = Path(config.site_dir) / "search" / "search_index.json"
    if not index_path.is_file():
        return
    worker = search_worker(config.site_dir, HOOK).read_text(encoding="utf-8")
    index = json.loads(index_path.read_text(encoding="utf-8"))
    index["config"]["separator"] = separator(index["config"]["separator"], stop_words(worker) + EXTRA_STOP_WORDS)
    index_path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
