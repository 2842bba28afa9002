"""What every page must be, at phone and desktop width, in both colour schemes:
accessible (axe-core, WCAG 2.2 A and AA, as built and with its scripts), quiet (no
console error, no request to another host, no policy violation), still while it
loads, narrow enough for its screen, and readable without JavaScript.

One crawl per width and scheme (tests/crawl.py) visits each page once; the tests
read what it saw."""

from __future__ import annotations

import pytest

from crawl import SCHEMES, VISITED, crawl, crawl_without_javascript, scroll_bar_browser
from helpers import PAGES, inline_styles



@pytest.fixture(scope="session")
def crawls(browser, base_url):
    """Each crawl, made the first time a test asks for it (scheme None: no JavaScript).
    Session-wide: a worker may run other modules' tests between these."""
    made = {}
    chromium = scroll_bar_browser(browser)

    def get(size: str, scheme: str | None):
        if (size, scheme) not in made:
            made[size, scheme] = (crawl_without_javascript(chromium, base_url, size) if scheme is None
                                  else crawl(chromium, base_url, size, scheme))
        return made[size, scheme]

    yield get
    chromium.close()


def report(seen: dict, what) -> list[str]:
    return [f"/{path}: {line}" for path, visit in seen.items() for line in what(visit)]


class OneWidth:
    """The checks at one width; a class per width, so that with two workers
    (`make test`, `--dist loadscope`) each width's crawls are made once, on one."""

    size = ""

    @pytest.mark.parametrize("scheme", SCHEMES)
    def test_axe_finds_no_violation_on_any_page(self, crawls, scheme):
        """Checked twice in one visit: as built, painted, before any script runs (what
        a reader sees first and all a reader without JavaScript gets), and once the
        scripts have run. (Checked only after them, a box that scrolls passed because
        site.js had given it a tab stop; the HTML as built had none.)"""
        seen = crawls(self.size, scheme)
        assert list(seen) == VISITED
        found = report(seen, lambda visit: visit.axe)
        assert not found, "\n".join(found)

    @pytest.mark.parametrize("scheme", SCHEMES)
    def test_every_page_is_quiet(self, crawls, scheme):
        found = report(crawls(self.size, scheme), lambda visit: [f"console: {e}" for e in visit.errors]
                       + [f"request elsewhere: {u}" for u in visit.foreign]
                       + [f"policy violated: {v}" for v in visit.csp])
        assert not found, "\n".join(found)

    @pytest.mark.parametrize("scheme", SCHEMES)
    def test_no_page_moves_while_it_loads_even_when_its_images_come_late(self, crawls, scheme):
        # CLS 0, with scroll bars shown: an image whose box has no size until its file
        # arrives moves what follows it, and images are held back until the theme runs.
        found = report(crawls(self.size, scheme), lambda visit: visit.shifts)
        assert not found, "\n".join(found)

    def test_every_page_fits_its_screen(self, crawls):
        found = report(crawls(self.size, "light"),
                       lambda visit: [f"scrolls sideways by {visit.too_wide}px"] if visit.too_wide > 0 else [])
        assert not found, "\n".join(found)

    def test_every_box_that_scrolls_sideways_is_a_named_tab_stop(self, crawls):
        found = report(crawls(self.size, "light"), lambda visit: [f"no named tab stop: {e}" for e in visit.unreachable])
        assert not found, "\n".join(found)

    def test_the_theme_leaves_every_table_where_it_was(self, crawls):
        # The theme wraps each table in two boxes as it starts. Written that way at
        # build time (tables.py), a table is where it will stay from the first frame:
        # nothing moves when the theme runs (on the first screen, a layout shift).
        # The one-page version lays out only the sections near the screen: where a
        # table sits there depends on which were shown (test_whole_guide.py).
        with_theme, without = crawls(self.size, "light"), crawls(self.size, None)
        moved = [f"/{path}: {before} => {after}" for path in PAGES if path not in inline_styles()
                 for after, before in zip(with_theme[path].tables, without[path].tables, strict=True) if after != before]
        assert not moved, "\n".join(moved)

    def test_without_javascript_every_page_shows_its_text(self, crawls):
        short = [f"/{path} shows {visit.text} characters" for path, visit in crawls(self.size, None).items() if visit.text <= 200]
        assert not short, "\n".join(short)

    def test_the_theme_takes_no_table_out_of_the_page(self, crawls):
        # The theme wraps a table that has no class by taking it out of the page and
        # putting it back, and Chromium then restyles and lays out the whole table
        # again inside the theme's start-up. The build writes each table wrapped, with
        # a class, and the class must not cost a table the theme's style.
        seen = crawls(self.size, "light")
        assert sum(len(visit.tables) for visit in seen.values()) > 20, "the pages should hold tables to check"
        found = report(seen, lambda visit: [f"{visit.tables_out} tables taken out and put back"] * bool(visit.tables_out)
                       + [f"{visit.unstyled_tables} tables without the theme's style"] * bool(visit.unstyled_tables))
        assert not found, "\n".join(found)


class TestPhone(OneWidth):
    size = "phone"


class TestDesktop(OneWidth):
    size = "desktop"
