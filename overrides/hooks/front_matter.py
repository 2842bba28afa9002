"""Fail the build when a page's front matter is missing, malformed or off-limits.

MkDocs silently drops front matter it cannot parse and never asks for a
description; this hook turns both into a build error that names the file.
The rules live in pure functions so that tests (and any future generator)
can reuse them without MkDocs.
"""

from __future__ import annotations

import re

import yaml
from mkdocs.exceptions import PluginError

DESCRIPTION_LENGTH = (50, 160)
REQUIRED = ("title", "description", "tags")
# Switches a page may set (README, "Writing pages"); a typo such as `"false"` would
# otherwise read as true.
SWITCHES = ("theme_script", "inline_styles", "backlinks")
# A page the build fills in (README, "Writing pages"): its links are not the guide's.
GENERATED = ("tags", "whole guide")
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:-{3}|\.{3})[ \t]*\n", re.S)


def problems(meta: dict, markdown: str) -> list[str]:
    """Return what is wrong with one page's front matter, in plain words."""
    found = _FRONT_MATTER.match(markdown)
    if found:
        # MkDocs left the block in the body: it could not read it as YAML.
        try:
            yaml.safe_load(found.group(1))
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f" (line {mark.line + 2})" if mark else ""
            return [f"front matter is not valid YAML{where}: {getattr(error, 'problem', error)}"]
        return ["front matter must be a YAML mapping of keys to values"]
    out = [f"front matter needs '{key}'" for key in REQUIRED if not meta.get(key)]
    description = meta.get("description")
    if description:
        if not isinstance(description, str):
            out.append("'description' must be one line of text")
        else:
            low, high = DESCRIPTION_LENGTH
            if not low <= len(description.strip()) <= high:
                out.append(
                    f"'description' is {len(description.strip())} characters; "
                    f"write {low} to {high}"
                )
    tags = meta.get("tags")
    if tags is not None and not (isinstance(tags, list) and all(isinstance(t, str) for t in tags)):
        out.append("'tags' must be a list of tag names")
    out += [f"'{key}' must be true or false" for key in SWITCHES if key in meta and not isinstance(meta[key], bool)]
    if "generated" in meta and meta["generated"] not in GENERATED:
        out.append(f"'generated' must be one of {', '.join(GENERATED)}")
    leave_out = meta.get("leave_out", [])
    if not (isinstance(leave_out, list) and all(isinstance(x, str) and x.endswith((".md", "/")) for x in leave_out)):
        out.append("'leave_out' must be a list of pages (a.md) and folders (a/)")
    return out


def on_page_markdown(markdown, page, config, files):
    # Generated pages (none yet) carry no source file to blame.
    if page.file.abs_src_path is None:
        return markdown
    # `markdown` is the body: MkDocs removed the front matter if it could read it.
    found = problems(page.meta, markdown)
    if found:
        raise PluginError(
            f"{page.file.src_uri}: " + "; ".join(found) + " (see README, 'Adding a page')"
        )
    return markdown
