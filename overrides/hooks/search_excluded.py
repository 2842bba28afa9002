"""A page out of search (`search: exclude: true`, such as the one-page version) still
answers to its title, description and tags: one entry in the index, with no text.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from mkdocs.plugins import event_priority

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
    index = json.loads(index_path.read_text(encoding="utf-8"))
    index["docs"] += _excluded
    index_path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
