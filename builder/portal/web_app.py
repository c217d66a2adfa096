"""Each language of the portal as an installable web app: its manifest, in its own language.

The manifest sits at the language's root (start_url and scope that root), names the app from the
catalog (`offline` group) and takes its colours from the portal's stylesheet; the icons are the
portal's own (theme/assets/icons/, made by scripts/make-icons.py), in the shared assets.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from builder.model.catalog import strings
from builder.model.languages import language

MANIFEST_FILE = "manifest.webmanifest"
ICONS = "assets/icons"
# (file, sizes, type, purpose): what Chromium, Android and desktop installs ask for
ICON_FILES = (
    ("icon.svg", "any", "image/svg+xml", "any"),
    ("icon-192.png", "192x192", "image/png", "any"),
    ("icon-512.png", "512x512", "image/png", "any"),
    ("maskable-192.png", "192x192", "image/png", "maskable"),
    ("maskable-512.png", "512x512", "image/png", "maskable"),
)
THEME_COLOUR = "--md-primary-fg-color"  # the header bar
BACKGROUND_COLOUR = "--md-primary-bg-color"  # the splash screen behind the icon


def portal_colours(stylesheet: Path) -> tuple[str, str]:
    """The theme and background colours the portal's stylesheet (theme/assets/portal.css) sets in :root."""
    text = stylesheet.read_text(encoding="utf-8")
    root = re.search(r":root\s*\{([^}]*)\}", text)
    found = dict(re.findall(r"(--[\w-]+)\s*:\s*(#[0-9a-fA-F]{3,8})\s*;", root.group(1) if root else ""))
    missing = [name for name in (THEME_COLOUR, BACKGROUND_COLOUR) if name not in found]
    if missing:
        raise ValueError(f"{stylesheet}: no {', '.join(missing)} colour in :root, which the web app manifest uses")
    return found[THEME_COLOUR], found[BACKGROUND_COLOUR]


def manifest(lang: str, theme_colour: str, background_colour: str) -> dict:
    texts = strings(lang, "offline")
    up = "../" * language(lang).url_prefix.count("/")  # from the language root to the shared assets
    return {
        "name": texts["app_name"],
        "short_name": texts["app_short_name"],
        "lang": lang,
        "dir": "ltr",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": theme_colour,
        "background_color": background_colour,
        "icons": [
            {"src": f"{up}{ICONS}/{name}", "sizes": sizes, "type": kind, "purpose": purpose}
            for name, sizes, kind, purpose in ICON_FILES
        ],
    }


def write_manifest(site_dir: Path, lang: str, stylesheet: Path) -> Path:
    """Write the language's manifest into its root folder, site_dir."""
    target = site_dir / MANIFEST_FILE
    data = manifest(lang, *portal_colours(stylesheet))
    target.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return target
