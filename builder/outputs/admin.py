"""The editor at `/admin/` of the portal: Decap CMS, its generated configuration and the page that starts it.

Decap's bundle comes from npm: scripts/setup.sh copies it from node_modules into `.cache/vendor/decap-cms/`
(never committed, never fetched from a CDN). The build stays Python only: without the bundle it leaves
`/admin/` out and says so. `/admin/` is language-neutral, so it sits at the site root beside the Kazakh
pages; it is not in the navigation, the sitemap or the search index.
"""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

from builder.model.content import Content
from builder.model.languages import DEFAULT_LANGUAGE
from builder.outputs.cms_config import LOCAL_ONLY, EditorBackend, cms_config_yaml
from builder.store.cache import link_or_copy
from builder.store.fingerprint import tree_hashes

ADMIN_FOLDER = "admin"  # at the site root: /admin/
# The offline cache (issue 18's service worker) must leave these out: the editor is online by nature
# (its backends are GitHub and the local decap-server) and its bundle alone is about 6 MB.
OFFLINE_CACHE_EXCLUDED = (f"{ADMIN_FOLDER}/",)
BUNDLE_FOLDER = ".cache/vendor/decap-cms"  # in the project, filled by scripts/setup.sh
BUNDLE_SCRIPT = "decap-cms.js"
PAGE_FILES = ("index.html", "setup.js")  # builder/outputs/cms/: the page and the script run before Decap
CONFIG_FILE = "config.yml"


def bundle_folder(root: Path) -> Path | None:
    """The project's copy of Decap's bundle, if setup has made one."""
    folder = root / BUNDLE_FOLDER
    return folder if (folder / BUNDLE_SCRIPT).is_file() else None


def bundle_hashes(root: Path) -> dict[str, str]:
    """What the editor's files depend on beside the model: the bundle (empty when there is none)."""
    folder = bundle_folder(root)
    return tree_hashes(folder) if folder else {}


def write_admin(
    content: Content,
    site: Path,
    root: Path,
    backend: EditorBackend = LOCAL_ONLY,
    site_url: str = "",
    progress=print,
) -> Path | None:
    """Write site/admin/ (the page, the bundle, config.yml); None, with a note, when there is no bundle."""
    if any(path.startswith(f"{ADMIN_FOLDER}/") for path in content.pages.get(DEFAULT_LANGUAGE.code, {})):
        raise RuntimeError(f"content/{DEFAULT_LANGUAGE.code}/{ADMIN_FOLDER}/ clashes with the editor at /admin/")
    target = site / ADMIN_FOLDER
    # a Kazakh part reused from the previous site brings that build's admin/ along: this build writes its own
    shutil.rmtree(target, ignore_errors=True)
    bundle = bundle_folder(root)
    if bundle is None:
        progress(
            f"  editor: /admin/ left out: Decap CMS's bundle is not in {BUNDLE_FOLDER}/ "
            "(run scripts/setup.sh, which copies it from node_modules after npm ci)"
        )
        return None
    shutil.copytree(bundle, target, copy_function=link_or_copy)
    page_files = resources.files("builder.outputs") / "cms"
    for name in PAGE_FILES:
        (target / name).write_bytes((page_files / name).read_bytes())
    (target / CONFIG_FILE).write_text(cms_config_yaml(content, backend, site_url), encoding="utf-8")
    progress(f"  editor: /{ADMIN_FOLDER}/ written (Decap CMS)")
    return target
