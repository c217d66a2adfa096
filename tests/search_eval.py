"""The search evaluation: queries typed into the portal's search box in Chromium, ranks read off the list.

Each language has a set in tests/fixtures/search/eval-<lang>.yml: a query, its kind (an inflected form
absent from the content, a base form, or two words) and the pages that must appear among the first
ten result pages. `ranks_found` types each query as a reader does and reads which result page each
expected page is (1 = the first page listed; None = not in the list). tests/test_search.py asserts on
them; run this module to print the table for a built site or to record a baseline:

    .venv/bin/python tests/search_eval.py site/                    # print the table
    .venv/bin/python tests/search_eval.py site/ --record FILE.yml  # also write the ranks
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS.parent))

from builder.audit.server import serve_folder  # noqa: E402
from builder.model.languages import LANGUAGE_CODES, language  # noqa: E402

SETS = TESTS / "fixtures" / "search"
BASELINE = SETS / "baseline.yml"
TOP = 10
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-dev-shm-usage"]


@dataclass(frozen=True)
class Query:
    text: str
    kind: str
    expect: tuple[str, ...]


def evaluation_set(lang: str, folder: Path = SETS) -> list[Query]:
    entries = yaml.safe_load((folder / f"eval-{lang}.yml").read_text(encoding="utf-8"))
    return [Query(entry["query"], entry["kind"], tuple(entry["expect"])) for entry in entries]


def result_pages(page, prefix: str) -> list[str]:
    """The pages listed in the search results, in order, as paths below the language root."""
    hrefs = page.eval_on_selector_all(
        ".md-search-result__item > a.md-search-result__link", "links => links.map(a => a.href)"
    )
    pages: list[str] = []
    for href in hrefs:
        path = unquote(urlsplit(href).path).lstrip("/").removeprefix(prefix)
        if path not in pages:
            pages.append(path)
    return pages


def type_query(page, prefix: str, query: str, placeholder: str) -> list[str]:
    """Types the query into the search box and returns the result pages once the list has settled."""
    box = page.locator("input.md-search__input")
    meta = page.locator(".md-search-result__meta")
    before = (meta.inner_text(), tuple(result_pages(page, prefix)))
    box.fill("")
    box.type(query)
    # Playwright's Cyrillic input sends no key-up, which Material listens for: press End after typing.
    box.press("End")
    typed = time.monotonic()
    previous, stable = None, 0
    while time.monotonic() < typed + 15:
        page.wait_for_timeout(100)
        shown = (meta.inner_text(), tuple(result_pages(page, prefix)))
        # the placeholder shows until the worker has its index; a list unchanged from the last
        # query is trusted only after a while (two queries may well list the same pages)
        changed = shown != before or time.monotonic() > typed + 2
        stable = stable + 1 if changed and shown == previous and shown[0] != placeholder else 0
        if stable >= 3:  # the same list for 300 ms: the worker answered the last keystroke
            return list(shown[1])
        previous = shown
        if shown[0] == placeholder:
            box.press("End")  # typed while the worker was still loading: Material drops it
    raise TimeoutError(f"no settled results for {query!r}")


def ranks_found(page, base_url: str, lang: str, queries: list[Query]) -> dict[tuple[str, str], int | None]:
    """Rank of every (query, expected page) pair, None where the page is not listed."""
    prefix = language(lang).url_prefix
    page.goto(base_url + prefix)
    page.keyboard.press("/")  # Material's shortcut focuses the search box (and loads the index)
    placeholder = page.locator(".md-search-result__meta").inner_text()  # "Type to start searching"
    ranks: dict[tuple[str, str], int | None] = {}
    for query in queries:
        listed = type_query(page, prefix, query.text, placeholder)
        for expected in query.expect:
            ranks[(query.text, expected)] = listed.index(expected) + 1 if expected in listed else None
    return ranks


def recall(ranks: dict[tuple[str, str], int | None]) -> float:
    return sum(1 for rank in ranks.values() if rank is not None and rank <= TOP) / len(ranks)


def table(lang: str, queries: list[Query], ranks: dict, baseline: dict | None = None) -> str:
    lines = [f"{lang}: {'query':32} {'kind':10} {'expected page':44} rank  before"]
    for query in queries:
        for expected in query.expect:
            rank = ranks[(query.text, expected)]
            before = (baseline or {}).get(f"{query.text} -> {expected}", "")
            shown = "-" if rank is None else str(rank)
            lines.append(f"    {query.text:32} {query.kind:10} {expected or '(home)':44} {shown:>4}  {before}")
    lines.append(f"    recall@{TOP} = {recall(ranks):.3f}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--record", type=Path, help="write the ranks to this YAML file")
    parser.add_argument("--sets", type=Path, default=SETS, help="folder of the eval-<lang>.yml sets")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    server = serve_folder(args.site)
    base_url = f"http://127.0.0.1:{server.server_address[1]}/"
    recorded: dict[str, dict[str, int | None]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for lang in LANGUAGE_CODES:
            queries = evaluation_set(lang, args.sets)
            page = browser.new_context().new_page()
            ranks = ranks_found(page, base_url, lang, queries)
            print(table(lang, queries, ranks))
            recorded[lang] = {f"{q} -> {p}": rank for (q, p), rank in ranks.items()}
        browser.close()
    server.shutdown()
    if args.record:
        args.record.write_text(yaml.safe_dump(recorded, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
