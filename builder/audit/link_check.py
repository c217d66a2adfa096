"""Links and anchors: lychee, offline, over every HTML file of the site."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from builder.audit.problems import Problem
from builder.audit.tools import Tools


def check_links(site_dir: Path, tools: Tools) -> tuple[list[Problem], int]:
    """Every broken link or #fragment, and the number of links checked.

    A link to a folder must find its index.html there, as a static server would serve it.
    """
    site = site_dir.resolve()
    result = subprocess.run(
        [
            str(tools.lychee),
            "--offline",
            "--include-fragments",
            "--no-progress",
            "--index-files",
            "index.html",
            "--format",
            "json",
            "--root-dir",
            str(site),
            "**/*.html",
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=site,
    )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        raise RuntimeError(f"lychee failed (exit {result.returncode}): {result.stderr[-2000:]}") from None
    problems = []
    for source, failures in report.get("error_map", {}).items():
        file = source.removeprefix("./")
        for failure in failures:
            status = failure.get("status", {})
            detail = status.get("details") or status.get("text") or "broken"
            line = (failure.get("span") or {}).get("line", 0)
            problems.append(Problem(file, line, f"{failure['url']}: {detail}"))
    return sorted(problems), int(report.get("total", 0))
