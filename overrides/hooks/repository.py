"""Give each page "Edit this page" and "View source" links to its Markdown file, when
the build knows the repository: GitHub's runners set GITHUB_SERVER_URL and
GITHUB_REPOSITORY, the deploy workflow adds DEFAULT_BRANCH (main if unset). Without
them (a laptop) pages get no such links. The address is an absolute `edit_uri` with
no `repo_url`, so the theme's repository widget, whose script asks GitHub's API for
stars from the reader's browser, never enters the header. The view address goes to
`config.extra.mdx_view_uri` for overrides/partials/actions.html: the theme makes it
by replacing every "edit" in the edit address, which breaks a name holding "edit".
"""

from __future__ import annotations

import os
import re

from mkdocs.exceptions import PluginError

_SERVER = re.compile(r"https?://[^/\s]+")
_REPOSITORY = re.compile(r"[\w.-]+/[\w.-]+")
_BRANCH = re.compile(r"[^\s~^:?*\[\\]+")


def source_uris(environ: dict, docs: str) -> tuple[str, str] | None:
    """The edit and view addresses of the docs folder on the default branch, or None
    when the environment does not name the repository."""
    server = environ.get("GITHUB_SERVER_URL", "").rstrip("/")
    repository = environ.get("GITHUB_REPOSITORY", "")
    branch = environ.get("DEFAULT_BRANCH") or "main"
    if not server or not repository:
        return None
    for name, value, form in (("GITHUB_SERVER_URL", server, _SERVER), ("GITHUB_REPOSITORY", repository, _REPOSITORY),
                              ("DEFAULT_BRANCH", branch, _BRANCH)):
        if not form.fullmatch(value):
            raise PluginError(f"repository.py: {name} is {value!r}; set it like https://github.com, "
                              "owner/name and main, or unset GITHUB_SERVER_URL for a build without edit links")
    base = f"{server}/{repository}"
    return f"{base}/edit/{branch}/{docs}/", f"{base}/raw/{branch}/{docs}/"


def on_config(config):
    root = os.path.dirname(config.config_file_path)
    docs = os.path.relpath(config.docs_dir, root).replace(os.sep, "/")
    uris = source_uris(dict(os.environ), docs)
    if uris:
        config.edit_uri, config.extra["mdx_view_uri"] = uris
    return config
