"""HTML validity: the Nu Html Checker (vnu.jar) over every HTML file of the site."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlparse

from builder.audit.problems import Problem
from builder.audit.tools import Tools


def check_html(site_dir: Path, tools: Tools) -> list[Problem]:
    """Every error the checker reports (warnings are not errors and are left out)."""
    result = subprocess.run(
        [
            str(tools.java),
            "-Xss4m",
            "-jar",
            str(tools.vnu_jar),
            "--errors-only",
            "--format",
            "json",
            "--skip-non-html",
            str(site_dir),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        messages = json.loads(result.stderr or "{}").get("messages", [])
    except json.JSONDecodeError:
        raise RuntimeError(f"the Nu Html Checker failed (exit {result.returncode}): {result.stderr[-2000:]}") from None
    site = site_dir.resolve()
    problems = []
    for message in messages:
        path = Path(unquote(urlparse(message.get("url", "")).path))
        file = path.relative_to(site).as_posix() if path.is_relative_to(site) else str(path)
        problems.append(Problem(file, message.get("lastLine", 0), message.get("message", "")))
    return sorted(problems)
