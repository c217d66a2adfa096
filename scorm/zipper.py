"""Deterministic zip files: the same entries give byte-identical archives."""

from __future__ import annotations

import zipfile
from pathlib import Path

FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry


def check_entry_name(name: str) -> None:
    parts = name.split("/")
    if name.startswith("/") or ".." in parts or "\\" in name or ":" in parts[0] or not name:
        raise ValueError(f"unsafe zip entry name {name!r}: entries are relative paths without '..'")


def write_zip(target: Path, entries: dict[str, bytes]) -> Path:
    """Write entries (name -> content) sorted by name, with fixed timestamps and permissions.

    zipfile marks every non-ASCII name as UTF-8 (general purpose bit 11) by itself.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name in sorted(entries):
            check_entry_name(name)
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, so the permissions above are read as such everywhere
            archive.writestr(info, entries[name])
    return target
