"""`builder serve --edit`: the editor at /admin/ of the preview, saving into the working tree.

Decap CMS's local backend is decap-server (npm), a small Node server that reads and writes the project's
files. It runs beside the preview for as long as the preview does: stopped on exit, on Ctrl-C and on
SIGTERM (the `with` around the preview), and killed by the kernel if the builder itself is killed
(Linux's parent-death signal, as the build's workers are). The preview serves /admin/ itself: without
its live-reload script (a save would otherwise reload the editor it came from) and with a config.yml
whose local backend is this decap-server.
"""

from __future__ import annotations

import mimetypes
import os
import posixpath
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import yaml

from builder.store.workers import parent_death_signal

DECAP_SERVER = "node_modules/decap-server/dist/index.js"  # installed by `npm ci` (package.json)
DEFAULT_PORT = 8081  # decap-server's and Decap's default: the generated config works unchanged
STARTUP_TIMEOUT = 30.0  # seconds for decap-server to listen before the preview gives up
STOP_GRACE = 5.0  # seconds decap-server has to end after SIGTERM before it is killed
ADMIN_PATH = "/admin/"


class EditorUnavailable(Exception):
    pass


class DecapServer:
    """decap-server on 127.0.0.1, serving the project's working tree, for the length of a `with`."""

    def __init__(self, root: Path, port: int = DEFAULT_PORT, host: str = "127.0.0.1"):
        self.root, self.host, self.port = root, host, port
        self.process: subprocess.Popen | None = None

    @property
    def api_url(self) -> str:
        return f"http://{self.host}:{self.port}/api/v1"

    def command(self) -> list[str]:
        node = shutil.which("node")
        script = self.root / DECAP_SERVER
        if node is None or not script.is_file():
            raise EditorUnavailable(
                f"`builder serve --edit` needs Node.js and decap-server ({DECAP_SERVER}): run `npm ci` in {self.root}"
            )
        # node itself, not `npx decap-server`: one process, the one this class stops
        return [node, str(script)]

    def __enter__(self) -> DecapServer:
        command = self.command()
        if self.port == 0:
            with socket.socket() as probe:
                probe.bind((self.host, 0))
                self.port = probe.getsockname()[1]
        environment = dict(
            os.environ,
            PORT=str(self.port),
            BIND_HOST=self.host,
            GIT_REPO_DIRECTORY=str(self.root),
            MODE="fs",  # the working tree as it is: every save writes the files, no branches
            LOG_LEVEL=os.environ.get("LOG_LEVEL", "warn"),
        )
        self.process = subprocess.Popen(
            command,
            cwd=self.root,
            env=environment,
            stdin=subprocess.DEVNULL,
            preexec_fn=lambda: parent_death_signal(signal.SIGTERM),  # killed with the builder, however it ends
        )
        try:
            self.wait_until_listening()
        except BaseException:
            self.stop()
            raise
        return self

    def wait_until_listening(self) -> None:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while True:
            if self.process.poll() is not None:
                raise EditorUnavailable(f"decap-server ended at start (exit {self.process.returncode})")
            try:
                with socket.create_connection((self.host, self.port), timeout=0.5):
                    return
            except OSError:
                if time.monotonic() > deadline:
                    raise EditorUnavailable(
                        f"decap-server did not listen on {self.host}:{self.port} in {STARTUP_TIMEOUT:.0f} s"
                    ) from None
                time.sleep(0.1)

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(STOP_GRACE)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def __exit__(self, *exc) -> bool:
        self.stop()
        return False


def editor_app(serve_request, preview_dir: Path, api_url: str):
    """A WSGI app: /admin/ from the preview folder as built, its config pointed at decap-server; the rest
    to the preview's own app (serve_request)."""

    def app(environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path == ADMIN_PATH.rstrip("/"):
            start_response("302 Found", [("Location", ADMIN_PATH)])
            return []
        if not path.startswith(ADMIN_PATH):
            return serve_request(environ, start_response)
        relative = posixpath.normpath("/" + path[len(ADMIN_PATH) :]).lstrip("/") or "index.html"
        file = preview_dir / "admin" / relative
        if not file.is_file():
            start_response("404 Not Found", [("Content-Type", "text/plain")])
            return [b"the editor is not in this preview: run scripts/setup.sh to copy Decap CMS's bundle"]
        if relative == "config.yml":
            config = yaml.safe_load(file.read_text(encoding="utf-8"))
            config["local_backend"] = {"url": api_url}
            body = yaml.safe_dump(config, allow_unicode=True, sort_keys=False).encode("utf-8")
            kind = "text/yaml; charset=utf-8"
        else:
            body = file.read_bytes()
            kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        start_response("200 OK", [("Content-Type", kind), ("Content-Length", str(len(body)))])
        return [body]

    return app
