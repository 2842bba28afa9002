"""Serve each toolkit template as a download, from the one file its page shows.

A blank template lives once, in includes/templates/<name>.md: its page pulls it into a
code block with pymdownx.snippets, and this hook copies the same file, byte for byte, to
toolkit/templates/<name>.md for the page's "Download as Markdown" link. MkDocs would
render a .md file as a page, so the copy is a static file; a link to it is still checked
by the strict build. A toolkit page that names a missing template fails the build here,
with the fix, before the snippet or the link fails with a vaguer message.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

SOURCE = "includes/templates"
SERVED = "toolkit/templates"
# `--8<-- "includes/templates/x.md"` in a page, or a link to `templates/x.md` from toolkit/.
_REFERENCE = re.compile(r'--8<--\s+"includes/templates/([^"]+)"|\]\(templates/([^)\s#]+)')


class StaticMarkdown(File):
    """A Markdown file copied into the site as it is, not rendered as a page."""

    def is_documentation_page(self) -> bool:
        return False


def template_names(folder: Path) -> list[str]:
    """The file names of the templates in `folder` ("one-pager.md", ...), sorted."""
    return sorted(path.name for path in folder.glob("*.md"))


def served_uri(name: str) -> str:
    """Where the site serves a template: toolkit/templates/<name>."""
    return f"{SERVED}/{name}"


def missing_templates(markdown: str, names: list[str]) -> list[str]:
    """The templates a page includes or links to that are not among `names`."""
    named = {include or link for include, link in _REFERENCE.findall(markdown)}
    return sorted(named - set(names))


def problem(src: str, missing: list[str]) -> str:
    """The build error for a page that names templates that do not exist."""
    files = ", ".join(f"{SOURCE}/{name}" for name in missing)
    return (f"{src}: no template {files}; create it, or fix the name in the page's "
            f'`--8<-- "{SOURCE}/<name>.md"` line and its `templates/<name>.md` link '
            "(see README, 'Adding a template')")


def _folder(config) -> Path:
    return Path(config.config_file_path).parent / SOURCE


def on_files(files, config):
    folder = _folder(config)
    for name in template_names(folder):
        files.append(StaticMarkdown.generated(config, served_uri(name), abs_src_path=str(folder / name),
                                              inclusion=InclusionLevel.INCLUDED))
    return files


def on_page_markdown(markdown, page, config, files):
    src = page.file.src_uri
    if src.startswith("toolkit/"):
        missing = missing_templates(markdown, template_names(_folder(config)))
        if missing:
            raise PluginError(problem(src, missing))
    return markdown
