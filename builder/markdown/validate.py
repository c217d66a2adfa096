"""`builder check`: load → check → a frozen model, with every problem of the content in one report."""

from __future__ import annotations

from pathlib import Path

from builder.markdown.dialect import Dialect
from builder.markdown.links import check_links
from builder.model.checks import check_model
from builder.model.content import Content
from builder.model.errors import ErrorReport


def check_content(
    project_root: Path, content_dir: Path, dialect: Dialect, anchor_cache=None
) -> tuple[Content, ErrorReport]:
    """The model, frozen, and the report of every error found; links are checked with the portal's dialect."""
    report = ErrorReport(project_root)
    content = check_model(content_dir, report)
    check_links(content, dialect, report, anchor_cache)
    content.freeze()
    return content, report
