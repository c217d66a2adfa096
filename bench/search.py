"""The search benchmark: how long the portal's search takes to answer, against Material's own worker.

    .venv/bin/python bench/search.py [--site DIR] [--repeat 3] [--out bench/SEARCH.md]

Builds the real content (or takes a built --site), then in Chromium, for each language, types every
query of the evaluation set (tests/fixtures/search/eval-<lang>.yml) into the search box and measures
from the last keystroke that changed the query (its key-up, on which Material searches) to the last
change of the result list: what a reader waits for.
The same is measured in the same run on a copy of the site whose search box uses Material's worker
(the plain mkdocs baseline: stock Material search, no stemming), so the ratio compares engines on the
same machine, corpus and browser. Also: the time from opening the search to the index being ready,
and the bytes a first search downloads (index and scripts, gzipped). Nothing asserts: the target
(results within 300 ms of the last keystroke) is printed beside the numbers.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from builder.audit.server import serve_folder  # noqa: E402
from builder.model.languages import LANGUAGE_CODES, language  # noqa: E402
from builder.pipeline import Project, build  # noqa: E402
from search_eval import CHROMIUM, CHROMIUM_ARGS, evaluation_set, type_query  # noqa: E402

TARGET_MS = 300
OURS = "assets/search/worker.js"
# The last keystroke is the last key-up that changed the query (Material searches on key-up; Playwright
# sends Cyrillic without key-ups, so there it is the End pressed after typing).
WATCH = """() => {
  window.ccdBench = { key: 0, change: 0, value: "" };
  const box = document.querySelector("input.md-search__input");
  box.addEventListener("keyup", () => {
    if (box.value === window.ccdBench.value) return;
    window.ccdBench.value = box.value;
    window.ccdBench.key = performance.now();
  }, true);
  new MutationObserver(() => { window.ccdBench.change = performance.now(); })
    .observe(document.querySelector(".md-search-result"), { childList: true, subtree: true, characterData: true });
}"""


def with_material_worker(site: Path, copy: Path) -> Path:
    """A copy of the site whose pages load Material's search worker instead of the portal's."""
    shutil.copytree(site, copy)
    # one shared copy of the assets at the portal root, Material's worker among them
    [material] = (copy / "assets" / "javascripts" / "workers").glob("search.*.min.js")
    for lang in LANGUAGE_CODES:
        root = copy / language(lang).url_prefix
        for page in root.rglob("*.html"):
            text = page.read_text(encoding="utf-8")
            page.write_text(text.replace(OURS, f"assets/javascripts/workers/{material.name}"), encoding="utf-8")
        if lang == "kk":  # lunr has no Kazakh: Material's worker indexed it as English words, as before
            index = root / "search" / "search_index.json"
            data = json.loads(index.read_text(encoding="utf-8"))
            data["config"]["lang"] = ["en"]
            index.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return copy


def first_search_bytes(site: Path, lang: str, engine: str) -> int:
    root = site / "assets"  # shared by every language
    files = [site / language(lang).url_prefix / "search" / "search_index.json"]
    if engine == "portal":
        files += [root / "search" / name for name in ("worker.js", "language.js", "lunr.js")]
        files += [root / "search" / "lunr.kk.js"] if lang == "kk" else []
        files += sorted((root / "javascripts" / "lunr" / "min").glob("*.js")) if lang == "ru" else []
    else:
        files += sorted((root / "javascripts" / "workers").glob("search.*.min.js"))
    return sum(len(gzip.compress(path.read_bytes(), 6)) for path in files if path.is_file())


def measure(browser, base_url: str, lang: str) -> dict:
    prefix = language(lang).url_prefix
    page = browser.new_context().new_page()
    page.goto(base_url + prefix)
    page.evaluate(WATCH)
    opened = time.monotonic()
    page.keyboard.press("/")
    placeholder = page.locator(".md-search-result__meta").inner_text()
    page.wait_for_function(
        "text => document.querySelector('.md-search-result__meta').textContent.trim() !== text", arg=placeholder
    )
    ready_ms = (time.monotonic() - opened) * 1000
    latencies = []
    for query in evaluation_set(lang):
        type_query(page, prefix, query.text, placeholder)
        latencies.append(page.evaluate("() => window.ccdBench.change - window.ccdBench.key"))
    page.context.close()
    return {"ready_ms": ready_ms, "latencies": latencies}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built portal (default: build the real content)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as scratch:
        site = args.site or build(Project(REPO), Path(scratch) / "site", progress=lambda message: None)
        sites = {"portal": site, "material": with_material_worker(site, Path(scratch) / "material")}
        servers = {engine: serve_folder(folder) for engine, folder in sites.items()}
        rows = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for lang in LANGUAGE_CODES:
                runs = {engine: [] for engine in sites}
                for _ in range(args.repeat):
                    for engine, server in servers.items():
                        runs[engine].append(measure(browser, f"http://127.0.0.1:{server.server_address[1]}/", lang))
                row = {"lang": lang}
                for engine, measured in runs.items():
                    latencies = [ms for run in measured for ms in run["latencies"]]
                    row[engine] = {
                        "median": statistics.median(latencies),
                        "p95": statistics.quantiles(latencies, n=20)[-1],
                        "max": max(latencies),
                        "ready": statistics.median(run["ready_ms"] for run in measured),
                        "bytes": first_search_bytes(sites[engine], lang, engine),
                    }
                rows.append(row)
            browser.close()
        for server in servers.values():
            server.shutdown()
    report = render(rows, args.repeat)
    print(report)
    if args.out:
        args.out.write_text(report + "\n", encoding="utf-8")
    return 0


def render(rows: list[dict], repeat: int) -> str:
    lines = [
        f"Search latency: last keystroke to the last change of the result list, every evaluation query, "
        f"{repeat} runs; target: ≤ {TARGET_MS} ms. Engines on the same site, machine and browser.",
        "",
        "| lang | engine | median ms | p95 ms | max ms | index ready ms | first search, gz bytes |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        for engine in ("portal", "material"):
            m = row[engine]
            lines.append(
                f"| {row['lang']} | {engine} | {m['median']:.0f} | {m['p95']:.0f} | {m['max']:.0f} | "
                f"{m['ready']:.0f} | {m['bytes']} |"
            )
        ratio = row["portal"]["p95"] / max(row["material"]["p95"], 1)
        lines.append(f"| {row['lang']} | p95 portal/material | {ratio:.2f} | | | | |")
    return "\n".join(re.sub(r" +\|", " |", line) for line in lines)


if __name__ == "__main__":
    sys.exit(main())
