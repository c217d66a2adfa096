"""Lint and format: ruff on the Python, ESLint on the JavaScript the portal and the packages ship.

Each must find nothing on the project (the failure shows what it found and the command that fixes it),
and each is shown able to find something, through the project's own configuration.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import REPO

RUFF = Path(sys.executable).parent / "ruff"
ESLINT = REPO / "node_modules" / ".bin" / "eslint"
PYTHON_TREES = ("builder", "scorm", "tests", "bench")
BROWSER_SCRIPTS = (
    "theme/assets/kb-filter.js",
    "theme/assets/quiz/quiz.js",
    "theme/assets/offline.js",
    "builder/portal/service_worker.js",
    "scorm/player/player.js",
    "scorm/player/runtime.js",
    "builder/outputs/cms/setup.js",
)


def ruff(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    assert RUFF.exists(), "ruff is missing: pip install -e '.[test]'"
    return subprocess.run([str(RUFF), *args], cwd=REPO, input=stdin, capture_output=True, text=True)


def eslint(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    assert ESLINT.exists(), "ESLint is missing: npm ci"
    return subprocess.run([str(ESLINT), *args], cwd=REPO, input=stdin, capture_output=True, text=True)


def test_ruff_finds_nothing():
    result = ruff("check", "--output-format", "concise", *PYTHON_TREES)
    assert result.returncode == 0, (
        result.stdout + result.stderr + "\nfix: .venv/bin/ruff check --fix " + " ".join(PYTHON_TREES)
    )


def test_ruff_format_would_change_nothing():
    result = ruff("format", "--check", "--output-format", "concise", *PYTHON_TREES)
    assert result.returncode == 0, (
        result.stdout + result.stderr + "\nfix: .venv/bin/ruff format " + " ".join(PYTHON_TREES)
    )


def test_ruff_reads_every_python_tree_and_no_fixture():
    files = ruff("check", "--show-files", *PYTHON_TREES).stdout.splitlines()
    checked = {Path(line).relative_to(REPO).parts[0] for line in files if line.endswith(".py")}
    assert checked == set(PYTHON_TREES)
    assert not [line for line in files if "fixtures" in Path(line).parts]


def test_ruff_catches_an_unused_import_and_bad_formatting():
    found = ruff(
        "check", "--output-format", "concise", "--stdin-filename", "builder/probe.py", "-", stdin="import os\n"
    )
    assert found.returncode == 1 and "F401" in found.stdout, found.stdout + found.stderr
    unformatted = ruff("format", "--check", "--stdin-filename", "builder/probe.py", "-", stdin="x = [1,2]\n")
    assert unformatted.returncode == 1, unformatted.stdout + unformatted.stderr


def test_eslint_finds_nothing_in_the_shipped_scripts():
    result = eslint("--format", "json")
    assert result.returncode in (0, 1), result.stderr
    reports = {Path(report["filePath"]).relative_to(REPO).as_posix(): report for report in json.loads(result.stdout)}
    assert set(BROWSER_SCRIPTS) <= set(reports)  # every script the site and the packages load was read
    problems = [
        f"{path}:{message['line']}:{message['column']}: {message['message']} ({message.get('ruleId')})"
        for path, report in sorted(reports.items())
        for message in report["messages"]
    ]
    assert problems == [], "\n".join(problems)


def test_eslint_catches_later_syntax_and_an_undeclared_global():
    # the scripts run as they are in the LMS's browser: ES5 syntax, and only the globals they declare
    later = eslint("--stdin", "--stdin-filename", "theme/assets/probe.js", stdin="let seen = 1;\nwindow.seen = seen;\n")
    assert later.returncode == 1 and "Parsing error" in later.stdout, later.stdout + later.stderr
    undeclared = eslint("--stdin", "--stdin-filename", "scorm/player/probe.js", stdin="scormApi.LMSInitialize('');\n")
    assert undeclared.returncode == 1 and "no-undef" in undeclared.stdout, undeclared.stdout + undeclared.stderr
