"""What a page weighs, from the built files: the byte budgets (tests) and the
benchmark (`make bench`) both read it here."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

ASSET = re.compile(r'<(?:link[^>]*rel="stylesheet"[^>]*href|script[^>]*src)="([^"]+)"')
FONTS = ("*.woff2", "*.woff", "*.ttf", "*.otf")


def gz(data: bytes) -> int:
    """Size after gzip at the level web servers use by default."""
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def first_view_files(site: Path, page: Path) -> list[Path]:
    """The page and the stylesheets and scripts it names in its HTML."""
    files = [page]
    for ref in ASSET.findall(page.read_text(encoding="utf-8")):
        files.append((page.parent / ref.split("?")[0]).resolve())
    return files + sorted(f for pattern in FONTS for f in site.rglob(pattern))


def weight(site: Path, path: str) -> dict:
    """Bytes of a page's first view (HTML, CSS, JS, fonts) and of what follows it."""
    page = site / path / "index.html"
    files = first_view_files(site, page)
    kinds = {"html": [page], "css": [f for f in files if f.suffix == ".css"],
             "js": [f for f in files if f.suffix == ".js"],
             "fonts": [f for f in files if f.suffix in {".woff2", ".woff", ".ttf", ".otf"}]}
    first = {k: (sum(f.stat().st_size for f in v), sum(gz(f.read_bytes()) for f in v)) for k, v in kinds.items()}
    html = page.read_text(encoding="utf-8")
    # Fetched right after load: the search worker and index; a widget's code and data.
    later = sorted((site / "assets/javascripts/workers").glob("search.*.js")) + [site / "search/search_index.json"]
    widgets = site / "assets/javascripts/widgets"
    for name in re.findall(r'data-mdx-widget="([^"]+)"', html):
        later += sorted((widgets / name).glob("*"))  # script, core, stylesheet, data
    later = [f for f in later if f.is_file()]
    first_gz = sum(v[1] for v in first.values())
    return {
        **{f"{k}_raw": v[0] for k, v in first.items()}, **{f"{k}_gzip": v[1] for k, v in first.items()},
        "first_view_raw": sum(v[0] for v in first.values()), "first_view_gzip": first_gz,
        "with_after_load_gzip": first_gz + sum(gz(f.read_bytes()) for f in later),
    }
