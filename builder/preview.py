"""`builder serve`: a live preview that rebuilds on change and reloads the browser."""
from __future__ import annotations

import socket
import sys

from builder.errors import ContentInvalid
from builder.pipeline import Project, build


def serve(project: Project, host: str, port: int, progress=print) -> None:
    from mkdocs.livereload import LiveReloadServer

    preview_dir = project.root / ".cache" / "preview"

    def rebuild() -> None:
        try:
            build(project, preview_dir, progress)
        except ContentInvalid as invalid:
            for error in invalid.errors:
                print(error, file=sys.stderr)
            print(f"{len(invalid.errors)} errors: the preview keeps the last good build", file=sys.stderr)

    rebuild()
    preview_dir.mkdir(parents=True, exist_ok=True)
    port = port or free_port(host)
    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(preview_dir))
    for watched in (project.content_dir, project.root / "theme", project.config_file):
        if watched.exists():
            server.watch(str(watched))
    progress(f"previewing on http://{host}:{port}/ (Ctrl+C to stop)")
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()


def free_port(host: str) -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]
