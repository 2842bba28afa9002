"""Draw the picture a shared link shows (Open Graph's og:image), at build time.

One 1200x630 PNG for the whole site: the logo, the site's name and a short line, in
the header's colours, drawn with Pillow and the font Pillow ships, so the build needs
no network, no system font and no browser. Pillow writes no date into a PNG, so two
builds give the same bytes. overrides/main.html names it in every page's head from
`config.extra.mdx_social_card`, which this hook sets: without the hook (Zensical) the
tags go with the picture.
"""

from __future__ import annotations

import io

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

PATH = "assets/images/social-card.png"
SIZE = (1200, 630)
LINE = "A field guide to AI product management"
# The header's blue (extra.css, --md-primary-fg-color) and what is drawn on it.
BACKGROUND, INK, SOFT = "#1f4f7a", "#ffffff", "#c9dcec"
# The logo (overrides/.icons/fieldguide/logo.svg) on its 24-unit grid: a shield, the
# shield's inner edge, and a star.
SHIELD = [(12, 2), (3, 6), (3, 12), (4.2, 16.4), (7.4, 20), (12, 22), (16.6, 20), (19.8, 16.4), (21, 12), (21, 6)]
INNER = [(12, 4.2), (5, 7.3), (5, 12), (6.1, 15.6), (8.6, 18.6), (12, 20), (15.4, 18.6), (17.9, 15.6), (19, 12),
         (19, 7.3)]
STAR = [(12, 6.5), (13.6, 10.6), (17.8, 10.6), (14.4, 13.1), (15.7, 17.2), (12, 14.6), (8.3, 17.2), (9.6, 13.1),
        (6.2, 10.6), (10.4, 10.6)]


def _pillow():
    try:
        from PIL import Image, ImageDraw, ImageFont
    except ImportError as error:
        raise PluginError("social_card.py: Pillow is not installed, so the link-preview picture cannot be drawn; "
                          "run `.venv/bin/pip install -r requirements.txt` (make build does it)") from error
    return Image, ImageDraw, ImageFont


def draw(name: str, line: str = LINE) -> bytes:
    """The card as PNG bytes: the same bytes for the same words."""
    Image, ImageDraw, ImageFont = _pillow()
    card = Image.new("RGB", SIZE, BACKGROUND)
    # The logo, 288 px square and centred vertically, drawn four times larger and
    # scaled down: Pillow draws a polygon's edges without smoothing.
    side, left, top, fine = 288, 80, 171, 4
    logo = Image.new("RGB", (side * fine, side * fine), BACKGROUND)
    pen = ImageDraw.Draw(logo)
    unit = side * fine / 24
    for points, colour in ((SHIELD, INK), (INNER, BACKGROUND), (STAR, INK)):
        pen.polygon([(x * unit, y * unit) for x, y in points], fill=colour)
    card.paste(logo.resize((side, side), Image.Resampling.LANCZOS), (left, top))
    pen = ImageDraw.Draw(card)
    text_left = left + side + 56
    pen.text((text_left, 230), name, font=ImageFont.load_default(size=76), fill=INK)
    pen.text((text_left, 340), line, font=ImageFont.load_default(size=34), fill=SOFT)
    out = io.BytesIO()
    card.quantize(colors=32).save(out, format="PNG", optimize=True)
    return out.getvalue()


def on_config(config):
    _pillow()
    alt = f"The {config.site_name} shield logo beside its name and the line '{LINE}'"
    config.extra["mdx_social_card"] = {"path": PATH, "width": SIZE[0], "height": SIZE[1], "alt": alt}
    return config


def on_files(files, config):
    files.append(File.generated(config, PATH, content=draw(config.site_name), inclusion=InclusionLevel.NOT_IN_NAV))
    return files
