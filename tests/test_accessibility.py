"""Boxes that scroll sideways take the focus in the HTML as built (scroll_regions.py).

axe checks the pages in a browser (test_pages.py); these check the build itself, fast,
so that a new kind of scrolling box, or a hook that writes one differently, is caught
before a browser opens."""

from __future__ import annotations

import re

from helpers import hook


scroll_regions = hook("scroll_regions")
NAMED = 'tabindex="0" role="region" aria-label="'


def test_each_kind_of_scrolling_box_gets_a_tab_stop_and_its_name():
    html = ('<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="mdx-table"></table></div></div>'
            '<div class="mdx-math"><math display="block"></math></div>'
            '<div class="tabbed-labels"><label for="t">A</label></div>'
            '<pre><span></span><code><span class="gh"># T</span></code></pre>'
            '<div class="highlight"><pre id="x"><code class="language-md">x</code></pre></div>'
            '<div class="md-sidebar__scrollwrap"></div><p><code>inline</code></p>')
    out = scroll_regions.with_regions(html)
    assert out.count(NAMED) == 5
    for name in ("Table, scrolls sideways", "Formula, scrolls sideways", "Tabs, scroll sideways", "Code, scrolls sideways"):
        assert f'aria-label="{name}"' in out
    assert '<div class="md-sidebar__scrollwrap">' in out and "<p><code>inline" in out
    assert scroll_regions.with_regions(out) == out  # once only


def test_every_scrolling_box_in_the_built_site_takes_the_focus(site):
    boxes = re.compile(r'<div class="(?:md-typeset__scrollwrap|mdx-math|tabbed-labels)"[^>]*>|<pre\b[^>]*>(?:<span></span>)?<code\b[^>]*>')
    missing = []
    for path in site.pages():
        for box in boxes.findall(path.read_text(encoding="utf-8")):
            if NAMED not in box:
                missing.append(f"{path.relative_to(site.dir)}: {box}")
    assert not missing, "\n".join(missing[:10])
