"""`builder serve`: a live preview that rebuilds on change and reloads the browser.

The first build is a full one. After it, an edit to the text of existing pages (front matter, the
navigation, data, courses, theme and configuration untouched) re-renders just those pages in place:
the check still runs over all content, and the language's search index is updated for them. Any
other change, or a failure on the way, takes a full build, which swaps in only when it succeeds.
The packages on the preview's downloads page are those of the last full build.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

from builder.markdown.language_model import LanguageModel
from builder.model.errors import ContentInvalid
from builder.model.frontmatter import closing_delimiter
from builder.model.languages import language
from builder.portal.build import build_language
from builder.portal.editor import DecapServer, editor_app
from builder.portal.plugin.assets import write_search_index
from builder.store.fingerprint import ProjectInputs


@dataclass(frozen=True)
class Rebuilds:
    """What the preview asks of the pipeline (handed in by the `serve` command, a layer above)."""

    root: Path  # the project
    config_file: Path
    content_dir: Path
    full: Callable[..., Path]  # full(preview_dir, use_cache=True): a whole build into the preview
    models: Callable[[], dict[str, Path]]  # check everything, write each language's model file
    lock: Callable[[], AbstractContextManager]  # the project's build lock, held for each rebuild


def front_matter_block(path: Path) -> str:
    """The front matter's lines, delimiters included (titles, drafts: what other pages show of this one)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    closing = closing_delimiter(lines)
    return "\n".join(lines[: len(lines) if closing is None else closing + 1])


class Preview:
    def __init__(self, project: Rebuilds, preview_dir: Path, progress=print):
        self.project, self.preview_dir, self.progress = project, preview_dir, progress
        self.inputs: ProjectInputs | None = None
        self.front_matter: dict[str, str] = {}
        # the translations behind their Kazakh page in the preview as built; None after a full build
        self.lags: dict[str, frozenset] | None = None

    def snapshot(self, inputs: ProjectInputs) -> None:
        self.inputs = inputs
        self.front_matter = {
            f"{lang}/{path}": front_matter_block(self.project.content_dir / lang / path)
            for lang, pages in inputs.pages.items()
            for path in pages
            if path.endswith(".md")
        }

    def edited_pages(self, now: ProjectInputs) -> list[tuple[str, str]] | None:
        """(language, page path) of the pages whose text alone changed; None if anything else did."""
        before = self.inputs
        if before is None or (now.code, now.config, now.theme, now.shared) != (
            before.code,
            before.config,
            before.theme,
            before.shared,
        ):
            return None
        if {lang: set(pages) for lang, pages in now.pages.items()} != {
            lang: set(pages) for lang, pages in before.pages.items()
        }:
            return None  # a page added or removed
        edited = [
            (lang, path)
            for lang, pages in now.pages.items()
            for path, digest in pages.items()
            if before.pages[lang][path] != digest
        ]
        for lang, path in edited:
            if not path.endswith(".md") or front_matter_block(
                self.project.content_dir / lang / path
            ) != self.front_matter.get(f"{lang}/{path}"):
                return None
        return edited

    def rebuild(self) -> None:
        with self.project.lock():  # a `builder build` of the project waits for the rebuild, and vice versa
            self.rebuild_locked()

    def rebuild_locked(self) -> None:
        started = time.perf_counter()
        now = ProjectInputs(self.project.root, None)
        edited = self.edited_pages(now)
        try:
            if edited:
                self.update_pages(edited, now)
                self.progress(f"preview: {len(edited)} page(s) updated in {time.perf_counter() - started:.1f} s")
            elif edited is None:
                self.lags = None
                self.project.full(self.preview_dir)
            self.snapshot(now)
        except ContentInvalid as invalid:
            for error in invalid.errors:
                print(error, file=sys.stderr)
            print(f"{len(invalid.errors)} errors: the preview keeps the last good build", file=sys.stderr)

    def update_pages(self, edited: list[tuple[str, str]], inputs: ProjectInputs) -> None:
        model_files = self.project.models()
        lags = {lang: lagging_pages(model_file) for lang, model_file in model_files.items()}
        if lags != self.lags and any(language(lang).default for lang, _ in edited):
            # an edit of a Kazakh page put its translations behind (or back): their notices need a build
            self.lags = lags
            self.project.full(self.preview_dir)
            return
        self.lags = lags
        for lang in sorted({lang for lang, _ in edited}):
            folder = self.preview_dir / language(lang).url_prefix
            index = folder / "search" / "search_index.json"
            earlier = json.loads(index.read_text(encoding="utf-8")) if index.is_file() else None
            try:
                build_language(str(self.project.config_file), lang, str(folder), str(model_files[lang]), dirty=True)
            except Exception:
                # whatever the dirty build left, a full build replaces it
                self.project.full(self.preview_dir, use_cache=False)
                return
            if earlier is not None:
                merge_search_index(index, earlier)


def lagging_pages(model_file: Path) -> frozenset:
    return frozenset(
        (path, facts.translation_lag)
        for path, facts in LanguageModel.read(model_file).pages.items()
        if facts.translation_lag
    )


def merge_search_index(index: Path, earlier: dict) -> None:
    """A dirty build indexes only the pages it rendered: keep the earlier entries of all the others."""
    fresh = json.loads(index.read_text(encoding="utf-8"))
    rendered = {doc["location"].split("#")[0] for doc in fresh["docs"]}
    kept = [doc for doc in earlier["docs"] if doc["location"].split("#")[0] not in rendered]
    fresh["docs"] = kept + fresh["docs"]
    write_search_index(index, fresh)


def serve(project: Rebuilds, host: str, port: int, progress=print, editor: DecapServer | None = None) -> None:
    """editor: decap-server, started here and stopped on the way out, for the editor at /admin/."""
    if editor is None:
        serve_preview(project, host, port, progress)
        return
    with editor:
        serve_preview(project, host, port, progress, editor)


def serve_preview(project: Rebuilds, host: str, port: int, progress=print, editor: DecapServer | None = None) -> None:
    preview_dir = project.root / ".cache" / "preview"
    preview = Preview(project, preview_dir, progress)
    preview.rebuild()
    preview_dir.mkdir(parents=True, exist_ok=True)
    if editor is not None and not (preview_dir / "admin" / "index.html").is_file():
        progress("the editor is not in the preview: run scripts/setup.sh (it copies Decap CMS from node_modules)")

    def announce_addresses(port: int) -> None:
        address = f"http://{host}:{port}/"
        if editor is not None:
            progress(f"editor on {address}admin/ saving into {project.root} (decap-server on {editor.api_url})")
        progress(f"previewing on {address} (Ctrl+C to stop)")

    # look for changes every 0.2 s (mkdocs' default is 0.5 s): an edit shows sooner, at a few stat calls a page
    server = announcing_server(
        announce_addresses,
        builder=preview.rebuild,
        host=host,
        port=port,
        root=str(preview_dir),
        polling_interval=0.2,
    )
    for watched in (project.content_dir, project.root / "theme", project.config_file):
        if watched.exists():
            server.watch(str(watched))
    if editor is not None:
        server.set_app(editor_app(server.serve_request, preview_dir, editor.api_url))
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        # a stop signal (builder/store/stopping.py) ends a rebuild under way on its way here, its workers
        # and staging folders with it; the server and the watcher stop now
        server.shutdown()


def announcing_server(announce: Callable[[int], None], **options):
    """mkdocs' LiveReloadServer that tells announce its port once it accepts connections: an address
    printed earlier could be opened, by a person or a script, before anything listens there. Port 0
    takes a free port, known only then."""
    from mkdocs.livereload import LiveReloadServer

    class AnnouncingServer(LiveReloadServer):
        def server_activate(self) -> None:
            super().server_activate()
            announce(self.server_port)

    return AnnouncingServer(**options)
