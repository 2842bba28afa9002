"""Add a Content Security Policy to every page, as a <meta> tag.

Everything loads from the site itself. The theme's few inline scripts and styles are
allowed by their SHA-256 hashes, computed here from the page as built, so no other
inline script or style can run (no 'unsafe-inline').
"""

from __future__ import annotations

import base64
import hashlib
import re

from mkdocs.exceptions import PluginError

# Scripts with a type browsers do not run (the theme's JSON config) need no hash.
_INLINE = {
    "script": re.compile(r"<script(?![^>]*\bsrc=)(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S),
    "style": re.compile(r"<style(?P<attrs>[^>]*)>(?P<body>.*?)</style>", re.S),
}
_NOT_JS = re.compile(r'\btype="(?!text/javascript|module)[^"]+"')

POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "worker-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}


def inline_hashes(html: str, element: str) -> list[str]:
    """CSP hashes of the inline <script> or <style> elements of a page."""
    hashes = []
    for match in _INLINE[element].finditer(html):
        if element == "script" and _NOT_JS.search(match["attrs"]):
            continue
        digest = hashlib.sha256(match["body"].encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(set(hashes))


def policy(html: str) -> str:
    rules = dict(POLICY)
    rules["script-src"] = " ".join(["'self'", *inline_hashes(html, "script")])
    rules["style-src"] = " ".join(["'self'", *inline_hashes(html, "style")])
    return "; ".join(f"{name} {value}" for name, value in rules.items())


def with_policy(html: str) -> str:
    """Insert the policy right after <meta charset>, before anything that loads."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    head, found, rest = html.partition('<meta charset="utf-8">')
    if not found:
        raise PluginError('csp.py: the page has no <meta charset="utf-8"> to put its Content Security Policy '
                          "after; a template in overrides/ must extend the theme's base.html, which writes it")
    return head + found + "\n" + tag + rest


def on_post_page(output, page, config):
    return with_policy(output)


def on_post_template(output, template_name, config):
    # 404.html is a theme template, not a page: it passes through here instead.
    return with_policy(output) if template_name == "404.html" else output
