"""One pass over a language's built site after mkdocs: what the engine leaves to be done on the files.

- lunr is put beside the search worker, and the lunr language packs the language does not use are deleted;
- the search index is rewritten as UTF-8, and also written as a script for file:// (file_scheme.py);
- the remote loaders in Material's bundle are made inert (nothing is fetched from another host);
- every page's markup is mended where the Nu Html Checker or axe-core object (plugin/markup.py);
  the mending is idempotent, so a preview's partial rebuild can run the pass again;
- the language's web app manifest is written (web_app.py), and a language below the root drops its
  assets/ for the root's one shared copy (shared_assets.py; idempotent too).
"""

from __future__ import annotations

from pathlib import Path

from builder.portal.file_scheme import write_search_index_script
from builder.portal.plugin.assets import compact_search_index, install_search_engine
from builder.portal.plugin.markup import mend_page
from builder.portal.plugin.offline import strip_remote_loaders
from builder.portal.shared_assets import ASSETS, share_assets
from builder.portal.web_app import write_manifest


def finish_site(site_dir: Path, lang: str) -> None:
    install_search_engine(site_dir)
    compact_search_index(site_dir)
    write_search_index_script(site_dir)
    strip_remote_loaders(site_dir)
    for page in sorted(site_dir.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        mended = mend_page(text)
        if mended != text:
            page.write_text(mended, encoding="utf-8")
    stylesheet = site_dir / ASSETS / "portal.css"
    if stylesheet.is_file():
        write_manifest(site_dir, lang, stylesheet)
    share_assets(site_dir, lang)
