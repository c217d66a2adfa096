"""What the portal needs to work from file:// (a copy opened from a disk or a USB stick).

Material's search reads `search/search_index.js` there (a script: browsers do not fetch JSON from
file://) and runs its worker through the iframe-worker shim that theme/main.html loads on file://.
The service worker leaves the script out of the offline copy (builder/portal/service_worker.py): over
http the JSON is read.
"""

from __future__ import annotations

from pathlib import Path

SEARCH_INDEX_SCRIPT = "search_index.js"
FILE_SCHEME_SHIM = "assets/vendor/iframe-worker/shim.js"  # in the theme, copied there by scripts/setup.sh


def write_search_index_script(site_dir: Path) -> None:
    index = site_dir / "search" / "search_index.json"
    if index.is_file():
        # the name Material's bundle reads, as its offline plugin writes it
        (site_dir / "search" / SEARCH_INDEX_SCRIPT).write_text(
            "var __index = " + index.read_text(encoding="utf-8"), encoding="utf-8"
        )
