"""The words a search result takes to its page, to highlight there.

A page found only through its sections got an empty `?h=`; the theme's worker now gives
it its best section's words (a checked rewrite, of the same length, so that its source
map holds).
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.plugins import event_priority

from theme import rewrite, search_worker

HOOK = "search_highlight.py"
# The worker lists a page whose sections matched but whose own entry did not.
_PATCHED = re.compile(r"\w+\.push\(\{\.\.\.this\.map\.get\(\w+\),score:0,terms:\w+\[0\]\.terms\}\);")
_EMPTY_TERMS = re.compile(r"\{let (\w+)=this\.map\.get\((\w+)\);(\w+)\.push\(\w+\(\w+\(\{\},\1\),"
                          r"\{score:0,terms:\{\}\}\)\)\}")


def with_section_terms(worker: str) -> str:
    """The worker, giving a page listed for its sections the words of the best one."""
    if _PATCHED.search(worker):
        return worker

    def replace(m: re.Match) -> str:
        items = m[3]
        return f"{items}.push({{...this.map.get({m[2]}),score:0,terms:{items}[0].terms}});".ljust(len(m[0]))
    return rewrite(worker, _EMPTY_TERMS, replace, hook=HOOK, count=1,
                   expected="the search worker's entry for a page found by its sections only")


@event_priority(-100)  # with the search plugin's output in place
def on_post_build(config):
    if not Path(config.site_dir, "search", "search_index.json").is_file():
        return
    worker = search_worker(config.site_dir, HOOK)
    code = worker.read_text(encoding="utf-8")
    patched = with_section_terms(code)
    if patched != code:
        worker.write_text(patched, encoding="utf-8")
