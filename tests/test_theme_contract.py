"""Every assumption the site makes about Material for MkDocs, in one place.

Each test reads the installed theme, not our build, so an upgrade that breaks an
assumption fails here, by name, before anything else looks odd.
"""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import material
import pytest
from mkdocs.exceptions import PluginError

from helpers import ROOT

THEME = Path(material.__file__).parent / "templates"
PINNED = re.search(r"^mkdocs-material==(\S+)", (ROOT / "requirements.txt").read_text(), re.M)[1]
[BUNDLE] = (THEME / "assets/javascripts").glob("bundle.*.min.js")
[MAIN_CSS] = (THEME / "assets/stylesheets").glob("main.*.min.css")


def template(name: str) -> str:
    return (THEME / name).read_text(encoding="utf-8")


def test_the_contract_is_for_the_pinned_theme():
    assert version("mkdocs-material") == PINNED == "9.8.2", \
        "a new theme: check each assumption below against it, then update this pin"


def test_main_html_overrides_blocks_the_base_template_has():
    ours = set(re.findall(r"{%\s*block (\w+)", (ROOT / "overrides/main.html").read_text()))
    theirs = set(re.findall(r"{%\s*block (\w+)", template("base.html")))
    assert ours and ours <= theirs, ours - theirs


def test_the_deferred_start_finds_the_theme_starting_on_domcontentloaded():
    # main.html parks the block's scripts and fires DOMContentLoaded once they load.
    scripts = template("base.html").split("{% block scripts %}", 1)[1].split("{% endblock %}", 1)[0]
    assert "script_tag" in scripts or "<script" in scripts
    assert "DOMContentLoaded" in BUNDLE.read_text(encoding="utf-8")


def test_the_palette_toggle_keeps_the_theme_storage_and_markup():
    # overrides/partials/javascripts/palette.html replaces the theme's script of that name.
    assert '{% include "partials/javascripts/palette.html" %}' in template("partials/header.html")
    assert 'data-md-component="palette"' in template("partials/palette.html")
    assert 'name="__palette"' in template("partials/palette.html")
    bundle = BUNDLE.read_text(encoding="utf-8")
    assert '__md_get("__palette")' in bundle and '__md_set("__palette",' in bundle
    assert "__md_set" in template("partials/javascripts/base.html")


@pytest.mark.parametrize("partial, markup", [
    ("partials/search.html", 'data-md-component="search" role="dialog">'),
    ("partials/progress.html", 'data-md-component="progress" role="progressbar">'),
    ("partials/search.html", 'href="javascript:void(0)" class="md-search__icon'),
])
def test_the_markup_names_py_names(partial, markup):
    assert markup in template(partial)


def test_the_markup_names_py_finds_on_some_pages_only():
    # A section's label in the nav gets tabindex="" (the home page and 404 have none),
    # and a heading's permalink a title; names.py fails the build if no page has them.
    import names

    assert 'tabindex="{{ tabindex }}"' in template("partials/nav-item.html")
    assert '{% set tabindex = "0" if not is_section %}' in template("partials/nav-item.html")
    names.on_pre_build({})
    names._seen.update({"heading links titled 'Link to this section'": 3})
    with pytest.raises(PluginError, match=r"names\.py: expected empty tabindex attributes on some page"):
        names.on_post_build({})
    names._seen.update({"empty tabindex attributes": 1})
    names.on_post_build({})


def test_the_favicon_link_favicon_py_rewrites():
    assert re.search(r'<link rel="icon" href="{{[^}]*favicon', template("base.html"))


def test_the_theme_wraps_tables_as_tables_py_does():
    # tables.py writes these boxes at build time; the theme skips a table with a class.
    bundle = BUNDLE.read_text(encoding="utf-8")
    assert "table:not([class])" in bundle
    assert "md-typeset__scrollwrap" in bundle and "md-typeset__table" in bundle


def test_the_stylesheet_rules_stylesheets_py_rewrites():
    import stylesheets

    css = MAIN_CSS.read_text(encoding="utf-8")
    assert len(re.findall(r"(?<=[{}\n])[^{}]*\.no-js \.md-typeset \.tabbed-set[^{}]*(?=\{)", css)) == 1
    assert "table:not([class])" in css
    assert stylesheets.restyle_less(css) != css
    with pytest.raises(PluginError, match="mkdocs-material 9.8.2"):
        stylesheets.restyle_less(".md-typeset table{margin:0}")


def test_the_sitemap_template_stylesheets_py_edits():
    import mkdocs

    sitemap = (Path(mkdocs.__file__).parent / "templates/sitemap.xml").read_text()
    assert "<url>" in sitemap and "<loc>" in sitemap


def test_the_script_compile_hints_py_marks():
    assert BUNDLE.name.startswith("bundle.") and BUNDLE.with_name(BUNDLE.name + ".map").is_file()


def test_rewrite_fails_loudly_naming_the_hook_and_the_theme():
    from theme import rewrite

    assert rewrite("a b a", "a", "c", hook="x.py", expected="a") == "c b c"
    assert rewrite("a b a", "a", "c", hook="x.py", expected="a", count=1) == "c b a"
    assert rewrite("a", re.compile("z"), "c", hook="x.py", expected="z", at_least=0) == "a"
    with pytest.raises(PluginError, match=r"x\.py: expected <q> in the theme's output \(mkdocs-material 9\.8\.2\)"):
        rewrite("a", "<q>", "c", hook="x.py", expected="<q>")
