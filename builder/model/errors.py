"""Content errors: every one names a file and a line, and all of a run are reported together."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class ContentError:
    path: str  # relative to the project root, with forward slashes
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class ErrorReport:
    """Collects errors instead of stopping at the first one."""

    root: Path
    errors: list[ContentError] = field(default_factory=list)

    def add(self, path: Path | str, line: int, message: str) -> None:
        self.errors.append(ContentError(self.relative(path), max(line, 1), message))

    def relative(self, path: Path | str) -> str:
        path = Path(path)
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def __bool__(self) -> bool:
        return bool(self.errors)

    def sorted(self) -> list[ContentError]:
        return sorted(set(self.errors))


class ContentInvalid(Exception):
    """Raised by a pipeline stage when the content it was given has errors."""

    def __init__(self, errors: list[ContentError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))
