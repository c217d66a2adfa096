"""`builder audit`: every gate on the built site; reports into dist/reports/."""

from __future__ import annotations

import json
import time
from pathlib import Path

from builder.audit.html_check import check_html
from builder.audit.lighthouse import THRESHOLD, audit_pages
from builder.audit.link_check import check_links
from builder.audit.tools import Tools
from builder.model.languages import LANGUAGES

GATES = ("html", "links", "lighthouse")
# The pages Lighthouse measures in every language: the home page and a long textbook chapter.
LIGHTHOUSE_PAGES = ("", "textbook/introduction/")


def lighthouse_paths() -> list[str]:
    return [lang.url_prefix + page for lang in LANGUAGES for page in LIGHTHOUSE_PAGES]


def audit_site(root: Path, site_dir: Path, reports_dir: Path, gates=GATES, progress=print) -> dict:
    """Run the gates and write reports_dir/summary.json and summary.md; returns the summary."""
    tools = Tools(root)
    reports_dir.mkdir(parents=True, exist_ok=True)
    summary: dict = {"site": str(site_dir), "date": time.strftime("%Y-%m-%d %H:%M:%S"), "passed": True}
    if "html" in gates:
        progress("checking HTML (Nu Html Checker) …")
        problems = check_html(site_dir, tools)
        summary["html"] = {"files": sum(1 for _ in site_dir.rglob("*.html")), "errors": list(map(str, problems))}
        summary["passed"] &= not problems
    if "links" in gates:
        progress("checking links and anchors (lychee) …")
        problems, total = check_links(site_dir, tools)
        summary["links"] = {"checked": total, "broken": list(map(str, problems))}
        summary["passed"] &= not problems
    if "lighthouse" in gates:
        progress("measuring pages with Lighthouse (mobile) …")
        pages = audit_pages(site_dir, lighthouse_paths(), reports_dir, tools, progress)
        summary["lighthouse"] = {
            "threshold": THRESHOLD,
            "pages": [
                {
                    "path": "/" + page.path,
                    "scores": page.scores,
                    "runs": len(page.runs),
                    "passed": page.passed,
                    "report": page.report,
                }
                for page in pages
            ],
        }
        summary["passed"] &= all(page.passed for page in pages)
    (reports_dir / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
    (reports_dir / "summary.md").write_text(render_summary(summary), encoding="utf-8")
    return summary


def render_summary(summary: dict) -> str:
    lines = [
        f"# Quality gates — {summary['date']}",
        "",
        f"Result: **{'passed' if summary['passed'] else 'FAILED'}**",
        "",
    ]
    if "html" in summary:
        html = summary["html"]
        lines += [f"- HTML (Nu Html Checker): {html['files']} files, {len(html['errors'])} errors"]
        lines += [f"  - {error}" for error in html["errors"][:50]]
    if "links" in summary:
        links = summary["links"]
        lines += [
            f"- Links (lychee, offline, with fragments): {links['checked']} checked, {len(links['broken'])} broken"
        ]
        lines += [f"  - {broken}" for broken in links["broken"][:50]]
    if "lighthouse" in summary:
        lines += [
            "",
            f"## Lighthouse 12, mobile (each category at least {summary['lighthouse']['threshold']})",
            "",
            "| page | performance | accessibility | best practices | SEO | runs | report |",
            "|---|---|---|---|---|---|---|",
        ]
        for page in summary["lighthouse"]["pages"]:
            scores = page["scores"]
            lines.append(
                f"| {page['path']} | {scores['performance']:.2f} | {scores['accessibility']:.2f} | "
                f"{scores['best-practices']:.2f} | {scores['seo']:.2f} | {page['runs']} | "
                f"[{page['report']}]({page['report']}) |"
            )
    return "\n".join(lines) + "\n"
