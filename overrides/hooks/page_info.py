"""Show when each page last changed (from git) and how long it takes to read.

Dates come from one `git log` for the whole docs folder. A page git does not know
(a new file, or a copy without history) falls back to SOURCE_DATE_EPOCH, then to the
file's modification time. The same date feeds the sitemap, so a build of one commit
is the same build every time.
"""

from __future__ import annotations

import datetime
import math
import os
import re
import subprocess

WORDS_PER_MINUTE = 220
_NOT_PROSE = re.compile(r"^(```|~~~).*?^\1|<[^>]+>|\]\([^)]*\)|^---.*?^---", re.M | re.S)


def reading_minutes(markdown: str) -> int:
    words = len(_NOT_PROSE.sub(" ", markdown).split())
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def parse_git_log(log: str) -> dict[str, str]:
    """Newest date per path from `git log --format=%x00%cs --name-only` output."""
    dates: dict[str, str] = {}
    date = None
    for line in log.splitlines():
        if line.startswith("\x00"):
            date = line[1:]
        elif line and date and line not in dates:
            dates[line] = date
    return dates


def git_dates(folder: str) -> dict[str, str]:
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=folder,
                             capture_output=True, text=True, check=True).stdout.strip()
        log = subprocess.run(["git", "log", "--format=%x00%cs", "--name-only", "--", "."],
                             cwd=folder, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    return {os.path.join(top, path): date for path, date in parse_git_log(log).items()}


def fallback_date(path: str) -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    stamp = int(epoch) if epoch else os.path.getmtime(path)
    return datetime.datetime.fromtimestamp(stamp, datetime.timezone.utc).strftime("%Y-%m-%d")


def human(date: str) -> str:
    return datetime.date.fromisoformat(date).strftime("%-d %B %Y")


_dates: dict[str, str] = {}


def on_config(config):
    _dates.clear()
    _dates.update(git_dates(config.docs_dir))
    return config


def on_page_markdown(markdown, page, config, files):
    path = page.file.abs_src_path
    if path is None:
        return markdown
    date = _dates.get(os.path.realpath(path)) or _dates.get(path) or fallback_date(path)
    page.update_date = date  # the sitemap's <lastmod>
    page.meta["mdx_updated"] = date
    page.meta["mdx_minutes"] = reading_minutes(markdown)
    return markdown


def on_page_content(html, page, config, files):
    if "mdx_minutes" not in page.meta or page.is_homepage:
        return html
    date = page.meta["mdx_updated"]
    # Kept out of search, where it would open the preview of every page.
    info = (f'<p class="mdx-page-info" data-search-exclude="info">{page.meta["mdx_minutes"]} min read · '
            f'Updated <time datetime="{date}">{human(date)}</time></p>')
    head, found, rest = html.partition("</h1>")
    return head + found + info + rest if found else info + html
