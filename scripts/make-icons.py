"""Draw the portal's app icons into theme/assets/icons/ from the favicon's design (theme/assets/favicon.svg).

Run once when the design changes, and commit the files: the build copies them, it does not draw them.
    .venv/bin/python scripts/make-icons.py

The favicon's two overlapping circles (teal, and orange at 85 % opacity) with their dark lens, on a
white tile: "any" icons on a rounded tile, maskable ones on a full square with the design inside the
safe circle (80 % of the width) that launchers crop to, and Apple's touch icon opaque (iOS shows
transparency as black). Pillow draws at four times the size and scales down, which smooths the edges.
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw

ICONS = Path(__file__).resolve().parent.parent / "theme" / "assets" / "icons"
VIEWBOX = 64  # the favicon's coordinates
TEAL, ORANGE, ORANGE_OPACITY, LENS = (0x00, 0x89, 0x7B), (0xFF, 0x70, 0x43), 0.85, (0x00, 0x4D, 0x40)
TILE = (0xFF, 0xFF, 0xFF)
CIRCLES = ((24, 32), (40, 32))  # centres, radius 18
RADIUS = 18
# the favicon's lens: "M32 17a18 18 0 0 1 0 30a18 18 0 0 1 0-30z", two arcs of radius 18 through (32, 17)
# and (32, 47), i.e. the overlap of two circles whose centres lie 15 above those points' midline
LENS_OFFSET = math.sqrt(RADIUS**2 - 15**2)
SUPERSAMPLE = 4


def disc(size: int, scale: float, offset: float, centre: tuple[float, float], radius: float) -> Image.Image:
    """A white disc on black, as a mask of the icon's size."""
    mask = Image.new("L", (size, size), 0)
    x, y = (offset + c * scale for c in centre)
    r = radius * scale
    ImageDraw.Draw(mask).ellipse((x - r, y - r, x + r, y + r), fill=255)
    return mask


def design(size: int, design_width: float, tile: str) -> Image.Image:
    """The icon at `size` pixels: the favicon's design `design_width` pixels wide, centred on a tile
    ("rounded", "square", or "none" for a transparent background)."""
    big = size * SUPERSAMPLE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    if tile != "none":
        corner = big * 0.18 if tile == "rounded" else 0
        ImageDraw.Draw(image).rounded_rectangle((0, 0, big - 1, big - 1), radius=corner, fill=(*TILE, 255))
    # the design spans x 6…58 and y 14…50 of the viewBox: centre it, scaled to the asked width
    scale = design_width * SUPERSAMPLE / (2 * RADIUS + CIRCLES[1][0] - CIRCLES[0][0])
    offset = big / 2 - 32 * scale
    teal = disc(big, scale, offset, CIRCLES[0], RADIUS)
    orange = disc(big, scale, offset, CIRCLES[1], RADIUS)
    lens = ImageChops.multiply(
        disc(big, scale, offset, (32 - LENS_OFFSET, 32), RADIUS),
        disc(big, scale, offset, (32 + LENS_OFFSET, 32), RADIUS),
    )
    image.paste(Image.new("RGBA", (big, big), (*TEAL, 255)), mask=teal)
    image.alpha_composite(
        Image.merge(
            "RGBA", (*Image.new("RGB", (big, big), ORANGE).split(), orange.point(lambda v: round(v * ORANGE_OPACITY)))
        )
    )
    image.paste(Image.new("RGBA", (big, big), (*LENS, 255)), mask=lens)
    return image.resize((size, size), Image.Resampling.LANCZOS)


SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
    '<rect width="64" height="64" rx="11.5" fill="#ffffff"/>'
    '<g transform="translate(32 32) scale(.8) translate(-32 -32)">'
    '<circle cx="24" cy="32" r="18" fill="#00897b"/>'
    '<circle cx="40" cy="32" r="18" fill="#ff7043" fill-opacity=".85"/>'
    '<path d="M32 17a18 18 0 0 1 0 30a18 18 0 0 1 0-30z" fill="#004d40"/>'
    "</g></svg>\n"
)


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    (ICONS / "icon.svg").write_text(SVG, encoding="utf-8")
    for size in (192, 512):
        design(size, size * 0.8 * 52 / 64, "rounded").save(ICONS / f"icon-{size}.png", optimize=True)
        # launchers crop maskable icons to any shape inside the central circle of 80 % of the width:
        # the design's corners (its width is 52 of the viewBox's 64, its height 36) stay inside it
        design(size, size * 0.72, "square").save(ICONS / f"maskable-{size}.png", optimize=True)
    design(180, 180 * 0.8 * 52 / 64, "square").convert("RGB").save(ICONS / "apple-touch-icon.png", optimize=True)
    print(f"icons written to {ICONS}")


if __name__ == "__main__":
    main()
