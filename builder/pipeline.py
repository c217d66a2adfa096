"""The whole build: check the content into a frozen model, then render every output from it aside and
swap them into place."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

from builder.markdown.blocks.downloads import BANKS_FOLDER, DOWNLOADS_FOLDER, PRINT_FOLDER, shown_index
from builder.markdown.language_model import Downloads, language_model
from builder.markdown.validate import check_content
from builder.model.content import Content
from builder.model.errors import ContentInvalid
from builder.model.languages import LANGUAGE_CODES, language
from builder.model.translations import lagging
from builder.outputs.admin import OFFLINE_CACHE_EXCLUDED, bundle_hashes, write_admin
from builder.outputs.banks.export import INDEX_FILE as BANKS_INDEX
from builder.outputs.banks.export import build_banks
from builder.outputs.calendars import write_calendars
from builder.outputs.cms_config import LOCAL_ONLY, EditorBackend
from builder.outputs.epub_edition import INDEX_FILE as EPUB_INDEX
from builder.outputs.epub_edition import build_epub_editions
from builder.outputs.packages import INDEX_FILE, build_packages
from builder.outputs.print_edition import INDEX_FILE as PRINT_INDEX
from builder.outputs.print_edition import build_print_editions
from builder.portal.build import build_portal, language_folder
from builder.portal.config import PortalSettings, portal_settings
from builder.portal.service_worker import remove_offline_app, write_offline_app
from builder.store.cache import AnchorCache, BuildCache, copy_tree
from builder.store.fingerprint import ProjectInputs, combine, hash_bytes
from builder.store.output import finish_interrupted_swap, remove_leftovers, staging_area, swap_in
from builder.store.stopping import signals_deferred

CACHE_FOLDER = ".cache/build"
SWAP_RECORD = "swap.json"  # in CACHE_FOLDER while site/ and dist/ are being swapped (builder/store/output.py)


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def config_file(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    @property
    def dist_dir(self) -> Path:
        return self.root / "dist"

    @property
    def theme_dir(self) -> Path:
        return self.root / "theme"

    @classmethod
    def find(cls, start: Path | None = None) -> Project:
        """The nearest folder upwards that holds mkdocs.yml and content/."""
        here = (start or Path.cwd()).resolve()
        for folder in (here, *here.parents):
            if (folder / "mkdocs.yml").is_file() and (folder / "content").is_dir():
                return cls(folder)
        raise FileNotFoundError(f"no project (a folder with mkdocs.yml and content/) at or above {here}")


def check(project: Project, progress=print, anchor_cache=None, settings: PortalSettings | None = None) -> Content:
    """The checked, frozen model of the project's content; ContentInvalid with every error otherwise."""
    progress("checking content …")
    settings = settings or portal_settings(project.config_file)
    content, report = check_content(project.root, project.content_dir, settings.dialect, anchor_cache)
    pages = sum(1 for _ in content.all_pages())
    for warning in report.warnings():  # printed, never blocking
        progress(str(warning))
    if report:
        raise ContentInvalid(report.sorted())
    progress(f"  {pages} pages in {len(content.pages)} languages: no errors")
    report_lagging_translations(content, project.root, progress)
    return content


def report_lagging_translations(content: Content, root: Path, progress=print, shown: int = 10) -> None:
    """A note, never an error: the translations behind their Kazakh page (`builder status` shows what changed)."""
    behind = lagging(content)
    if not behind:
        return
    progress(
        f"note: {len(behind)} translation{'s' if len(behind) != 1 else ''} behind their Kazakh page "
        "(`builder status` shows what changed; `builder translations mark PATH` once updated):"
    )
    for state in behind[:shown]:
        progress(
            f"  {state.source.relative_to(root).as_posix() if state.source.is_relative_to(root) else state.source}"
            f" ({state.lag})"
        )
    if len(behind) > shown:
        progress(f"  … and {len(behind) - shown} more")


def write_language_models(content: Content, folder: Path, dist: Path | None = None) -> dict[str, Path]:
    """Each language's part of the model, with the download lists of dist/ if built, as files for the portal."""

    def entries(index: Path) -> tuple:
        return tuple(json.loads(index.read_text(encoding="utf-8"))) if index.is_file() else ()

    downloads = (
        Downloads(
            entries(dist / "scorm" / INDEX_FILE),
            entries(dist / "moodle" / BANKS_INDEX),
            entries(dist / "print" / PRINT_INDEX),
            entries(dist / "print" / EPUB_INDEX),
        )
        if dist
        else Downloads()
    )
    return {
        lang: language_model(content, lang, downloads).write(folder / f"model-{lang}.pickle") for lang in LANGUAGE_CODES
    }


def anchor_cache(project: Project, inputs: ProjectInputs) -> AnchorCache:
    """The anchors `check` collected before, valid while the code, configuration and data are the same."""
    return AnchorCache(project.root / CACHE_FOLDER / "anchors.json", combine(inputs.common()))


def portal_key(inputs: ProjectInputs, lang: str, indexes: list[Path], lagging_pages: tuple = ()) -> str:
    """One language of the portal reads its own pages, the theme, the shared data and the download lists,
    and which of its pages lag behind their Kazakh page (each shows a notice until marked)."""
    named = inputs.common()
    named["translations-lagging"] = hash_bytes(*(f"{path}:{lag}" for path, lag in sorted(lagging_pages)))
    named.update({f"theme/{name}": digest for name, digest in inputs.theme.items()})
    named.update(inputs.page_hashes(lang, inputs.pages.get(lang, {})))
    named.update({f"index/{index.name}": hash_bytes(shown_index(index)) for index in indexes if index.is_file()})
    return combine(named)


def build(
    project: Project,
    site_dir: Path | None = None,
    progress=print,
    dist_dir: Path | None = None,
    use_cache: bool = True,
    site_url: str | None = None,
    editor: EditorBackend = LOCAL_ONLY,
    offline_app: bool = True,
) -> Path:
    """Check, then build the LMS packages, the question banks, the print editions and the portal aside; swap
    them into dist/ and site/.

    Packages and print editions come first: the portal's pages list them, and the portal carries copies
    under downloads/. Nothing is swapped in unless everything was built. Outputs whose inputs have not
    changed since the last build are reused (.cache/build/); with nothing changed nothing is rebuilt.
    site_url: the portal's public address (canonical links, sitemaps, links in packages and PDFs).
    editor: where the editor at /admin/ saves in production (its GitHub repository and OAuth proxy).
    offline_app: write the service worker and its precache lists (builder/portal/service_worker.py);
    the preview of `builder serve` leaves them out, so no worker caches its pages.

    One build at a time per project: a second one waits for the lock on the build cache. A build first
    completes a swap that a killed build cut short and removes the staging folders interrupted builds left.
    """
    site_dir = (site_dir or project.site_dir).resolve()
    dist_dir = (dist_dir or site_dir.parent / "dist").resolve()  # beside the site: site/ and dist/ by default
    with build_lock(project, progress):
        tidy_outputs(project, (site_dir, dist_dir), progress)
        return build_locked(project, site_dir, dist_dir, progress, use_cache, site_url or None, editor, offline_app)


def build_lock(project: Project, progress=print):
    """The lock every build of the project holds (`serve` holds it for each rebuild)."""
    return BuildCache(project.root / CACHE_FOLDER).lock(progress)


def tidy_outputs(project: Project, targets: tuple[Path, ...], progress=print) -> None:
    """Put right what interrupted builds left (run under the build lock): first a swap cut short, then
    the staging folders of builds that are gone."""
    for target in finish_interrupted_swap(project.root / CACHE_FOLDER / SWAP_RECORD):
        progress(f"completed the swap into {target} that an interrupted build left half done")
    for target in targets:
        for leftover in remove_leftovers(target):
            progress(f"removed {leftover}, left by an interrupted build")


def build_locked(
    project: Project,
    site_dir: Path,
    dist_dir: Path,
    progress,
    use_cache: bool,
    site_url: str | None,
    editor: EditorBackend = LOCAL_ONLY,
    offline_app: bool = True,
) -> Path:
    started = time.perf_counter()
    inputs = ProjectInputs(project.root, site_url)
    cache = BuildCache(project.root / CACHE_FOLDER)
    previous = cache.load_state(site_dir) if use_cache else {}
    # the editor at /admin/ also reads Decap's bundle (if setup copied it) and its production backend
    editor_inputs = {"editor": hash_bytes(repr(editor))} | bundle_hashes(project.root)
    everything = combine({"inputs": inputs.everything(), "offline-app": str(offline_app)} | editor_inputs)
    outputs_intact = (site_dir / "index.html").is_file() and dist_dir.is_dir() and previous.get("dist") == str(dist_dir)
    if previous.get("everything") == everything and outputs_intact:
        progress(
            f"nothing changed since the last build: {site_dir} and {dist_dir} are up to date "
            f"({time.perf_counter() - started:.1f} s)"
        )
        return site_dir
    settings = portal_settings(project.config_file)
    anchors = anchor_cache(project, inputs) if use_cache else None
    content = check(project, progress, anchors, settings)
    if anchors:
        anchors.save()
    with staging_area(site_dir) as site_staging, staging_area(dist_dir) as dist_staging:
        progress("building the LMS packages …")
        dist = dist_staging / "dist"
        build_packages(
            content,
            settings.dialect,
            project.theme_dir,
            dist / "scorm",
            site_url,
            progress,
            cache if use_cache else None,
            inputs,
        )
        progress("writing the question banks …")
        build_banks(content, dist / "moodle", progress)
        progress("typesetting the print editions …")
        build_print_editions(
            content,
            settings.dialect,
            settings.site_names,
            dist / "print",
            progress,
            site_url,
            cache=cache if use_cache else None,
            inputs=inputs,
        )
        progress("writing the e-book editions …")
        build_epub_editions(
            content,
            settings.dialect,
            settings.site_names,
            dist / "print",
            progress,
            site_url,
            cache=cache if use_cache else None,
            inputs=inputs,
        )
        # the download lists the portal's pages show
        indexes = [
            dist / "scorm" / INDEX_FILE,
            dist / "moodle" / BANKS_INDEX,
            dist / "print" / PRINT_INDEX,
            dist / "print" / EPUB_INDEX,
        ]
        behind = lagging(content)
        keys = {
            lang: portal_key(inputs, lang, indexes, tuple((s.path, s.lag) for s in behind if s.lang == lang))
            for lang in LANGUAGE_CODES
        }
        unchanged = frozenset(
            lang for lang, key in keys.items() if outputs_intact and previous.get("portal", {}).get(lang) == key
        )
        model_files = write_language_models(content, site_staging / "models", dist)
        progress("building the portal …")
        site = build_portal(
            project.config_file,
            site_staging,
            model_files,
            site_url or "",
            progress,
            unchanged_in=site_dir,
            unchanged=unchanged,
        )
        for lang in LANGUAGE_CODES:
            write_calendars(content, language_folder(site, language(lang)), lang, settings.site_names[lang], site_url)
        write_admin(content, site, project.root, editor, site_url or "", progress)
        copy_tree(dist / "scorm", site / DOWNLOADS_FOLDER)
        copy_tree(dist / "moodle", site / BANKS_FOLDER)
        copy_tree(dist / "print", site / PRINT_FOLDER)
        # over the assembled site, every build: reused languages and the downloads are in it by now
        if offline_app:
            write_offline_app(site, left_out=OFFLINE_CACHE_EXCLUDED)
        else:
            remove_offline_app(site)
        with signals_deferred():  # a stop signal now waits for the swap: site/ and dist/ stay one build
            cache.save_state(site_dir, {})  # the outputs match no inputs until the swap is done
            swap_in([(site, site_dir), (dist, dist_dir)], project.root / CACHE_FOLDER / SWAP_RECORD)
            cache.save_state(site_dir, {"everything": everything, "portal": keys, "dist": str(dist_dir)})
    progress(f"built {site_dir} and {dist_dir} in {time.perf_counter() - started:.1f} s")
    return site_dir
