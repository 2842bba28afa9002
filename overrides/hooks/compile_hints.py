"""Ask the browser to compile the theme's script while it downloads, not while it runs.

Chromium (136 and later) reads the comment `//# allFunctionsCalledOnLoad` at the top
of a script as a hint to compile all of it on a background thread as it streams in,
instead of each function on the main thread when first called, which the theme does
for nearly all of its bundle as it starts (PERFORMANCE.md). Other browsers skip it.
This prepends the comment to the built bundle and shifts its source map one line
down (";" is an empty line in a map's mappings). The site's own scripts carry it.
"""

from __future__ import annotations

import json
from pathlib import Path

HINT = "//# allFunctionsCalledOnLoad\n"


def add_hint(script: Path) -> bool:
    """Prepend the hint to a script and shift its source map; False if it was there."""
    code = script.read_text(encoding="utf-8")
    if code.startswith(HINT):
        return False
    script.write_text(HINT + code, encoding="utf-8")
    source_map = script.with_name(script.name + ".map")
    if source_map.exists():
        data = json.loads(source_map.read_text(encoding="utf-8"))
        data["mappings"] = ";" + data["mappings"]
        source_map.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    return True


def on_post_build(config):
    bundles = sorted(Path(config["site_dir"], "assets", "javascripts").glob("bundle.*.min.js"))
    if not bundles:
        from mkdocs.exceptions import PluginError
        raise PluginError("compile_hints.py: the theme's script (assets/javascripts/bundle.*.min.js) "
                          "is not in the built site; has the theme moved it? Update the hook.")
    for bundle in bundles:
        add_hint(bundle)
