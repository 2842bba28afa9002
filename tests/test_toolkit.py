"""The toolkit's templates: each kept once in includes/templates/, shown on its page in a
code block and served, byte for byte, as a download (overrides/hooks/templates.py)."""

from __future__ import annotations

import importlib.util
import posixpath
import urllib.request
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from mkdocs.structure.files import Files

from helpers import ROOT, mkdocs_build, nav_files, split, url_of

_spec = importlib.util.spec_from_file_location("templates_hook", ROOT / "overrides/hooks/templates.py")
hook = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hook)

TEMPLATES = ROOT / "includes/templates"
NAMES = [name.removesuffix(".md") for name in hook.template_names(TEMPLATES)]
# The two calculators are toolkit pages too, but hold no template.
CALCULATORS = ["sample-size", "llm-cost"]


def article(site, name: str) -> BeautifulSoup:
    return BeautifulSoup(site.html(f"toolkit/{name}/"), "html.parser").find("article")


def test_there_are_at_least_six_templates_each_with_its_page_in_the_nav():
    assert len(NAMES) >= 6, NAMES
    for name in NAMES:
        assert f"toolkit/{name}.md" in nav_files(), f"includes/templates/{name}.md has no page in the nav"


@pytest.mark.parametrize("name", NAMES)
def test_the_code_block_shows_the_template_file_unchanged(site, name):
    source = (TEMPLATES / f"{name}.md").read_text(encoding="utf-8")
    blocks = article(site, name).find_all("pre")
    assert blocks, f"toolkit/{name}.md shows no code block"
    # The first block is the template: no tooltip, symbol or emoji was set inside it.
    assert blocks[0].find("code").get_text() == source
    assert not blocks[0].find(["abbr", "img", "svg"])


@pytest.mark.parametrize("name", NAMES)
def test_the_site_serves_the_same_file_as_a_download(site, name):
    served = site.dir / "toolkit/templates" / f"{name}.md"
    assert served.read_bytes() == (TEMPLATES / f"{name}.md").read_bytes()
    link = article(site, name).find("a", string="Download as Markdown")
    assert link is not None and link.has_attr("download"), f"toolkit/{name}.md: no download link"
    target = posixpath.normpath(posixpath.join(url_of(f"toolkit/{name}.md"), link["href"]))
    assert target == f"toolkit/templates/{name}.md"


@pytest.mark.parametrize("name", NAMES)
def test_each_template_page_has_a_collapsed_example_and_links_to_the_guide(site, name):
    page = article(site, name)
    example = page.find("details", class_="example")
    assert example is not None and not example.has_attr("open"), f"toolkit/{name}.md: no collapsed example"
    assert example.find("summary").get_text().startswith("Filled in:")
    guide = {a["href"] for a in page.find_all("a", href=True)
             if a["href"].startswith("../../") and "/reference/glossary/" not in a["href"]}
    assert len(guide) >= 5, f"toolkit/{name}.md links to {sorted(guide)}"
    # The copy button comes with the theme's script, which a page may switch off.
    assert split(f"toolkit/{name}.md")[0].get("theme_script", True) is True


def test_the_toolkit_index_lists_every_tool(site):
    page = article(site, "")
    table = page.find("table")
    hrefs = {a["href"] for a in table.find_all("a", href=True)}
    assert hrefs == {f"{name}/" for name in NAMES + CALCULATORS}


def test_a_template_is_served_as_text(base_url):
    with urllib.request.urlopen(base_url + f"toolkit/templates/{NAMES[0]}.md") as response:
        assert response.headers["Content-Type"].startswith("text/")
        assert response.read() == (TEMPLATES / f"{NAMES[0]}.md").read_bytes()


def test_a_missing_template_fails_the_build_naming_the_page_and_the_file(project, tmp_path):
    (project / "includes/templates/eval-plan.md").unlink()
    result = mkdocs_build(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "toolkit/eval-plan.md: no template includes/templates/eval-plan.md" in output, output


# --- The hook's pure functions ---------------------------------------------------------------

def test_template_names_lists_markdown_files_only(tmp_path):
    for name in ("b.md", "a.md", "notes.txt"):
        (tmp_path / name).write_text("x")
    assert hook.template_names(tmp_path) == ["a.md", "b.md"]
    assert hook.template_names(tmp_path / "missing") == []


def test_missing_templates_finds_includes_and_links():
    page = ('````markdown\n--8<-- "includes/templates/a.md"\n````\n\n'
            "[Download as Markdown](templates/b.md){ download }\n"
            "See [the eval plan](eval-plan.md) and [a template](templates/a.md#top).\n")
    assert hook.missing_templates(page, ["a.md", "b.md"]) == []
    assert hook.missing_templates(page, ["a.md"]) == ["b.md"]
    assert hook.missing_templates(page, []) == ["a.md", "b.md"]
    assert hook.missing_templates("No templates here, only [a page](one-pager.md).", []) == []


def test_the_error_names_the_page_the_file_and_the_fix():
    message = hook.problem("toolkit/x.md", ["x.md"])
    assert message.startswith("toolkit/x.md: no template includes/templates/x.md")
    assert "Adding a template" in message


def test_templates_become_static_files_at_their_served_path(tmp_path):
    (tmp_path / "includes/templates").mkdir(parents=True)
    (tmp_path / "includes/templates/a.md").write_text("# A\n")
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"),
                             use_directory_urls=True, plugins=SimpleNamespace(_current_plugin=None))
    files = hook.on_files(Files([]), config)
    served = files.get_file_from_path("toolkit/templates/a.md")
    assert hook.served_uri("a.md") == "toolkit/templates/a.md"
    assert served is not None and not served.is_documentation_page()
    assert served.dest_uri == served.url == "toolkit/templates/a.md"
    assert files.documentation_pages() == [] and served in files.media_files()
    assert served.content_bytes == b"# A\n"
