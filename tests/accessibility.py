"""axe-core in a Playwright page: every violation, whatever its impact."""

from __future__ import annotations

from conftest import REPO

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page) -> list[tuple[str, str, list]]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
