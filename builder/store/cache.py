"""Outputs of earlier builds kept by the content hash of their inputs (.cache/build/).

A package, a print edition or a language of the portal is rebuilt only when a file it reads has
changed; otherwise the stored copy is used. Keys come from builder/fingerprint.py.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from builder.store.lock import exclusive_lock


def link_or_copy(source: str, destination: str) -> None:
    """Hard-link a file where the file system allows it (outputs are never written in place)."""
    try:
        os.link(source, destination)
    except OSError:
        shutil.copy2(source, destination)


def copy_tree(source: Path, destination: Path, ignore=None) -> None:
    shutil.copytree(source, destination, copy_function=link_or_copy, ignore=ignore)


class BuildCache:
    def __init__(self, folder: Path):
        self.folder = folder
        self.state_file = folder / "state.json"

    def lock(self, progress=print):
        """Held by the one build at a time that may use this cache and the outputs made with it."""
        return exclusive_lock(self.folder.with_name(f"{self.folder.name}.lock"), progress)

    # -- stored files, one folder per kind and key -------------------------------------------------
    def stored(self, kind: str, key: str, name: str) -> Path | None:
        path = self.folder / kind / key / name
        return path if path.is_file() else None

    def store(self, kind: str, key: str, file: Path) -> None:
        folder = self.folder / kind / key
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / (file.name + ".part")
        temporary.unlink(missing_ok=True)
        link_or_copy(str(file), str(temporary))
        temporary.replace(folder / file.name)

    def store_text(self, kind: str, key: str, name: str, text: str) -> None:
        folder = self.folder / kind / key
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / (name + ".part")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(folder / name)

    def keep_only(self, kind: str, keys: set[str]) -> None:
        """Forget stored outputs no current input asks for, so the cache does not grow without end."""
        folder = self.folder / kind
        if folder.is_dir():
            for entry in folder.iterdir():
                if entry.name not in keys:
                    shutil.rmtree(entry, ignore_errors=True)

    # -- what the last build of an output folder was made from -------------------------------------
    def load_state(self, site_dir: Path) -> dict:
        try:
            states = json.loads(self.state_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return states.get(str(site_dir), {})

    def save_state(self, site_dir: Path, state: dict) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        try:
            states = json.loads(self.state_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            states = {}
        states[str(site_dir)] = state
        temporary = self.state_file.with_suffix(".part")
        temporary.write_text(json.dumps(states, indent=1), encoding="utf-8")
        temporary.replace(self.state_file)


class AnchorCache:
    """The ids a page's HTML has, by the hash of its text: `builder check` converts a page only once.

    salt holds what else decides the ids (the code, mkdocs.yml, the shared data).
    """

    def __init__(self, file: Path, salt: str):
        self.file, self.salt = file, salt
        try:
            saved = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            saved = {}
        self.known: dict[str, list[str]] = saved.get("anchors", {}) if saved.get("salt") == salt else {}
        self.used: dict[str, list[str]] = {}

    def get(self, key: str) -> set[str] | None:
        found = self.known.get(key)
        if found is not None:
            self.used[key] = found
            return set(found)
        return None

    def put(self, key: str, anchors: set[str]) -> None:
        self.used[key] = sorted(anchors)

    def save(self) -> None:
        """Keep the anchors of the pages this run asked about, and only those."""
        self.file.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.file.with_suffix(".part")
        temporary.write_text(json.dumps({"salt": self.salt, "anchors": self.used}), encoding="utf-8")
        temporary.replace(self.file)
