"""Turn the entries of the What's new page into the site's Atom feed and the home
page's latest entries, so the owner writes each entry once.

Each `## ` heading of reference/whats-new.md is an entry, `## 5 December 2026: What
changed`, newest first, then a sentence or two whose first link is to what changed.
feed.xml carries every entry with absolute addresses under site_url and the entries'
own dates (two builds, same bytes); the home page's `<!-- latest-entries -->` line
becomes the three newest. A bad date, an entry out of order or one whose first link
is no page fails the build, naming the file and the fix.
"""

from __future__ import annotations

import datetime
import posixpath
import re
from typing import NamedTuple
from urllib.parse import urljoin
from xml.sax.saxutils import escape, quoteattr

from markdown.extensions.toc import slugify
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils.meta import get_data

PAGE = "reference/whats-new.md"
HOME = "index.md"
FEED = "feed.xml"
MARKER = "<!-- latest-entries -->"
LATEST = 3
_HEADING = re.compile(r"^## (.+?)\s*$", re.M)
_ENTRY = re.compile(r"(\d{1,2} [A-Z][a-z]+ \d{4}): (\S.*)")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_EMPHASIS = re.compile(r"[*_`]")
HOW = "write each entry as '## 5 December 2026: What changed', newest first (see README, 'What's new and the feed')"


class Entry(NamedTuple):
    date: datetime.date
    title: str
    heading: str
    link: str  # the first link, relative to the What's new page
    summary: str

    @property
    def human_date(self) -> str:
        return f"{self.date.day} {self.date:%B %Y}"


def parse(markdown: str) -> list[Entry]:
    """The entries of the What's new page's Markdown, or a ValueError that says what is wrong."""
    body = get_data(markdown)[0]
    parts = _HEADING.split(body)[1:]
    if not parts:
        raise ValueError(f"no entries; {HOW}")
    entries: list[Entry] = []
    for heading, text in zip(parts[::2], parts[1::2]):
        found = _ENTRY.fullmatch(heading)
        if not found:
            raise ValueError(f"the heading '## {heading}' does not start with a date; {HOW}")
        try:
            date = datetime.datetime.strptime(found[1], "%d %B %Y").date()
        except ValueError:
            raise ValueError(f"'{found[1]}' in '## {heading}' is not a date; {HOW}") from None
        links = _LINK.findall(text)
        if not links:
            raise ValueError(f"the entry '## {heading}' links to nothing; link to what was added or changed")
        if entries and date > entries[-1].date:
            raise ValueError(f"the entry '## {heading}' is newer than the one above it; {HOW}")
        if any(entry.heading == heading for entry in entries):
            raise ValueError(f"two entries are headed '## {heading}'; give each its own words")
        summary = " ".join(_EMPHASIS.sub("", _LINK.sub(r"\1", text)).split())
        entries.append(Entry(date, found[2], heading, links[0][1], summary))
    return entries


def target(link: str, here: str = PAGE) -> tuple[str, str]:
    """A relative link from page `here` as (source path of the page, #anchor or "")."""
    path, _, anchor = link.partition("#")
    return posixpath.normpath(posixpath.join(posixpath.dirname(here), path)), f"#{anchor}" if anchor else ""


def latest(entries: list[Entry], here: str = HOME, count: int = LATEST) -> str:
    """The newest entries as a Markdown list, with links relative to page `here`."""
    lines = []
    for entry in entries[:count]:
        path, anchor = target(entry.link)
        link = posixpath.relpath(path, posixpath.dirname(here) or ".") + anchor
        lines.append(f"- {entry.human_date}: [{entry.title}]({link})")
    return "\n".join(lines)


def address(link: str, urls: dict[str, str], site_url: str) -> str:
    path, anchor = target(link)
    return urljoin(site_url, urls[path]) + anchor


def feed(entries: list[Entry], urls: dict[str, str], site_url: str, site_name: str, author: str) -> str:
    """The Atom feed of the entries; `urls` maps each page's source path to its address."""
    page = urljoin(site_url, urls[PAGE])
    items = "".join(
        f"<entry><title>{escape(e.title)}</title><id>{escape(page)}#{slugify(e.heading, '-')}</id>"
        f'<link rel="alternate" type="text/html" href={quoteattr(address(e.link, urls, site_url))}/>'
        f"<published>{e.date}T00:00:00Z</published><updated>{e.date}T00:00:00Z</updated>"
        f'<summary type="text">{escape(e.summary)}</summary></entry>' for e in entries)
    return ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">'
            f"<title>{escape(site_name)}: what's new</title><id>{escape(page)}</id>"
            f'<link rel="self" type="application/atom+xml" href={quoteattr(urljoin(site_url, FEED))}/>'
            f'<link rel="alternate" type="text/html" href={quoteattr(page)}/>'
            f"<updated>{entries[0].date}T00:00:00Z</updated><author><name>{escape(author)}</name></author>"
            f"{items}</feed>\n")


_entries: list[Entry] = []


def on_config(config):
    if not config.site_url:
        raise PluginError(f"whats_new.py: {FEED} needs site_url (mkdocs.yml or SITE_URL) for absolute addresses")
    config.extra["mdx_feed"] = {"path": FEED, "title": f"{config.site_name}: what's new"}
    return config


def on_files(files, config):
    source = files.get_file_from_path(PAGE)
    try:
        if source is None:
            raise ValueError("missing; it holds the entries of the feed and of the home page")
        entries = parse(source.content_string)
    except ValueError as error:
        raise PluginError(f"{PAGE}: {error}") from None
    urls = {file.src_uri: file.url for file in files.documentation_pages()}
    for entry in entries:
        if target(entry.link)[0] not in urls:
            raise PluginError(f"{PAGE}: the entry '## {entry.heading}' links first to '{entry.link}', "
                              "which is no page of the guide; link to the page that changed")
    _entries[:] = entries
    files.append(File.generated(config, FEED, content=feed(entries, urls, config.site_url, config.site_name,
                                                           config.site_author or config.site_name),
                                inclusion=InclusionLevel.INCLUDED))
    return files


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri != HOME:
        return markdown
    if markdown.count(MARKER) != 1:
        raise PluginError(f"{HOME}: put the line '{MARKER}' once where the {LATEST} newest entries of {PAGE} "
                          "belong (whats_new.py writes them there)")
    return markdown.replace(MARKER, latest(_entries))
