"""One pass over a language's built site after mkdocs: what the engine leaves to be done on the files.

- lunr is put beside the search worker, and the lunr language packs the portal does not use are deleted;
- the search index is rewritten as UTF-8;
- the remote loaders in Material's bundle are made inert (nothing is fetched from another host);
- every page's markup is mended where the Nu Html Checker or axe-core object (plugin/markup.py);
  the mending is idempotent, so a preview's partial rebuild can run the pass again.
"""

from __future__ import annotations

from pathlib import Path

from builder.portal.plugin.assets import compact_search_index, install_search_engine
from builder.portal.plugin.markup import mend_page
from builder.portal.plugin.offline import strip_remote_loaders


def finish_site(site_dir: Path, lang: str) -> None:
    install_search_engine(site_dir)
    compact_search_index(site_dir)
    strip_remote_loaders(site_dir)
    for page in sorted(site_dir.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        mended = mend_page(text)
        if mended != text:
            page.write_text(mended, encoding="utf-8")
