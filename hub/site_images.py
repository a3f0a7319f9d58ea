"""Images the build draws for both editions: the social card (og:image) and a neutral site icon.

Both show the site's name on NHS blue and never the NHS logo, which only NHS
organisations may use. They are drawn with Pillow's own scalable font
(`ImageFont.load_default(size=…)`), so no system fonts are needed, and saved
without metadata, so the same name and description always give the same bytes.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

NHS_BLUE = (0, 94, 184)  # #005eb8
WHITE = (255, 255, 255)

CARD_PATH = "assets/images/social-card.png"
CARD_SIZE = (1200, 630)  # what Facebook, LinkedIn and Slack show at full width
ICON_PATH = "assets/images/site-icon.png"
ICON_SIZE = 180  # the size iOS asks for; browsers scale it down for tabs

_MARGIN = 80
_NAME_SIZES = (88, 76, 64, 56)  # the largest that fits in three lines is used
_DESCRIPTION_SIZE = 40


@dataclass(frozen=True)
class Card:
    path: str  # site-relative
    width: int
    height: int
    alt: str


def _font(size: int) -> ImageFont.FreeTypeFont:
    # Basic layout, not Raqm: Raqm is present on some machines and not others, and the
    # card must be the same bytes wherever it is built. Latin text needs nothing more.
    return ImageFont.load_default(size=size).font_variant(layout_engine=ImageFont.Layout.BASIC)


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int, max_lines: int) -> list[str]:
    """Break text into at most `max_lines` lines no wider than `width` pixels; text that does
    not fit ends in an ellipsis, so a cut is visible. A single long word keeps its own line."""
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    while " " in kept[-1] and font.getlength(kept[-1] + "…") > width:
        kept[-1] = kept[-1].rsplit(" ", 1)[0]
    kept[-1] += "…"
    return kept


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()


def card_alt(site_name: str, description: str) -> str:
    """The card's alt text: the words it shows."""
    return f"{site_name}. {description}" if description else site_name


def card_png(site_name: str, description: str = "") -> bytes:
    """The site name in large white letters on NHS blue, with the description under it."""
    width, height = CARD_SIZE
    text_width = width - 2 * _MARGIN
    image = Image.new("RGB", CARD_SIZE, NHS_BLUE)
    draw = ImageDraw.Draw(image)

    for size in _NAME_SIZES:
        name_font = _font(size)
        name_lines = _wrap(site_name, name_font, text_width, 99)
        if len(name_lines) <= 3:
            break
    name_lines = _wrap(site_name, name_font, text_width, 3)
    desc_font = _font(_DESCRIPTION_SIZE)
    desc_lines = _wrap(description, desc_font, text_width, 3)

    name_step, desc_step = round(size * 1.2), round(_DESCRIPTION_SIZE * 1.35)
    block = len(name_lines) * name_step + (40 + len(desc_lines) * desc_step if desc_lines else 0)
    y = max(_MARGIN, (height - block) // 2)
    # A white rule above the name, as NHS.UK pages mark a heading block.
    draw.rectangle((_MARGIN, y - 36, _MARGIN + 120, y - 28), fill=WHITE)
    for line in name_lines:
        draw.text((_MARGIN, y), line, font=name_font, fill=WHITE)
        y += name_step
    y += 40
    for line in desc_lines:
        draw.text((_MARGIN, y), line, font=desc_font, fill=WHITE)
        y += desc_step
    return _png(image)


def icon_png(site_name: str) -> bytes:
    """The first letter of the site name in white on NHS blue: a neutral icon for browser tabs."""
    image = Image.new("RGB", (ICON_SIZE, ICON_SIZE), NHS_BLUE)
    letter = (site_name.strip()[:1] or "?").upper()
    draw = ImageDraw.Draw(image)
    draw.text((ICON_SIZE / 2, ICON_SIZE / 2), letter, font=_font(128), fill=WHITE, anchor="mm")
    return _png(image)


def card(site_name: str, description: str = "") -> Card:
    """What the og:image tags say about the card, known before it is drawn (templates render first)."""
    return Card(CARD_PATH, *CARD_SIZE, card_alt(site_name, description))


def write_card(out_dir: Path, site_name: str, description: str = "") -> Card:
    """Draw the social card into out_dir, once per build."""
    target = Path(out_dir) / CARD_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(card_png(site_name, description))
    return card(site_name, description)


def write_icon(out_dir: Path, site_name: str) -> str:
    """Draw the neutral site icon into out_dir; returns its site-relative path."""
    target = Path(out_dir) / ICON_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(icon_png(site_name))
    return ICON_PATH
