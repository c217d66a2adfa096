"""Content errors: every one names a file and a line, and all of a run are reported together."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

SEVERITIES = ("error", "warning")


@dataclass(frozen=True, order=True)
class ContentError:
    path: str  # relative to the project root, with forward slashes
    line: int
    message: str
    code: str = ""  # stable, documented in README.md ("Error codes"), e.g. "front-matter.unknown-key"
    severity: str = "error"  # "warning" never stops a build

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{self.path}:{self.line}: {prefix}{self.message} [{self.code}]"


@dataclass
class ErrorReport:
    """Collects errors instead of stopping at the first one."""

    root: Path
    errors: list[ContentError] = field(default_factory=list)

    def add(self, path: Path | str, line: int, message: str, code: str, severity: str = "error") -> None:
        if severity not in SEVERITIES:
            raise ValueError(f"severity must be one of {SEVERITIES}, not {severity!r}")
        self.errors.append(ContentError(self.relative(path), max(line, 1), message, code, severity))

    def relative(self, path: Path | str) -> str:
        path = Path(path)
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def __bool__(self) -> bool:
        """True when there is an error (warnings alone do not stop a build)."""
        return any(error.severity == "error" for error in self.errors)

    def sorted(self) -> list[ContentError]:
        return sorted({error for error in self.errors if error.severity == "error"})

    def warnings(self) -> list[ContentError]:
        return sorted({error for error in self.errors if error.severity == "warning"})


class ContentInvalid(Exception):
    """Raised by a pipeline stage when the content it was given has errors."""

    def __init__(self, errors: list[ContentError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))
