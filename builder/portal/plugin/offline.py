"""Keep the built portal offline: Material's bundle knows remote URLs it may load on its own.

It fetches mermaid and a ResizeObserver polyfill from unpkg when a page needs them, and repository
facts from the GitHub API when repo_url is set. None of these features is used here; the URLs are
replaced with inert data: URLs so that no code path in the published site can reach another host.
"""

from __future__ import annotations

from pathlib import Path

REMOTE_LOADERS = {
    "https://unpkg.com/": "data:text/javascript,//",
    "https://api.github.com/": "data:application/json,{}#",
}


def strip_remote_loaders(site_dir: Path) -> int:
    """Rewrite the theme's scripts in place; returns how many URLs were replaced."""
    replaced = 0
    for script in (site_dir / "assets" / "javascripts").glob("*.js"):
        text = script.read_text(encoding="utf-8")
        new = text
        for remote, inert in REMOTE_LOADERS.items():
            replaced += new.count(remote)
            new = new.replace(remote, inert)
        if new != text:
            script.write_text(new, encoding="utf-8")
    return replaced
