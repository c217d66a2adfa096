"""Lighthouse 12 on pages of the built site, as a phone on a slow network sees them.

The site is served from 127.0.0.1 with gzip, as GitHub Pages serves it. Lighthouse's scores vary a
little from run to run; a page below the bar is measured twice more and judged by the median, as
Lighthouse's own documentation advises.
"""

from __future__ import annotations

import json
import statistics
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from builder.audit.server import serve_folder
from builder.audit.tools import Tools

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
THRESHOLD = 0.95
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-dev-shm-usage --disable-gpu --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)


@dataclass
class PageScores:
    path: str  # relative to the site root, e.g. "ru/textbook/introduction/"
    runs: list[dict[str, float]] = field(default_factory=list)
    report: str = ""  # the HTML report's file name in the reports folder

    @property
    def scores(self) -> dict[str, float]:
        return {name: statistics.median(run[name] for run in self.runs) for name in CATEGORIES}

    @property
    def passed(self) -> bool:
        return all(score >= THRESHOLD for score in self.scores.values())


def report_stem(path: str) -> str:
    return "lighthouse-" + (path.strip("/").replace("/", "-") or "home")


def run_once(tools: Tools, url: str, output_base: Path) -> dict[str, float]:
    """One mobile Lighthouse run; writes output_base.report.{json,html} and returns the scores."""
    command = [
        str(tools.lighthouse),
        url,
        "--quiet",
        "--form-factor=mobile",
        "--only-categories=" + ",".join(CATEGORIES),
        "--output=json",
        "--output=html",
        f"--output-path={output_base}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        check=False,
        env={"CHROME_PATH": str(tools.chromium), "PATH": "/usr/bin:/bin"},
    )
    report_file = output_base.with_name(output_base.name + ".report.json")
    if result.returncode != 0 or not report_file.is_file():
        raise RuntimeError(f"Lighthouse failed on {url} (exit {result.returncode}): {result.stderr[-2000:]}")
    report = json.loads(report_file.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        raise RuntimeError(f"Lighthouse could not load {url}: {report['runtimeError']}")
    return {name: float(report["categories"][name]["score"] or 0) for name in CATEGORIES}


def audit_pages(site_dir: Path, paths: list[str], reports_dir: Path, tools: Tools, progress=print) -> list[PageScores]:
    reports_dir.mkdir(parents=True, exist_ok=True)
    server = serve_folder(site_dir)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    results = []
    try:
        for path in paths:
            page = PageScores(path, report=report_stem(path) + ".report.html")
            for attempt in range(3):
                page.runs.append(run_once(tools, base + path, reports_dir / report_stem(path)))
                if attempt == 0 and page.passed:
                    break
            progress(f"  lighthouse /{path}: " + ", ".join(f"{k} {v:.2f}" for k, v in page.scores.items()))
            results.append(page)
    finally:
        server.shutdown()
    return results
