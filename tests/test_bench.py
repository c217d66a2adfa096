"""The build benchmark (bench/) as a CI smoke check: it must run and print its ratios.

No timing is asserted here: CI machines vary. The numbers and targets live in bench/RESULTS.md.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

import corpus  # noqa: E402  (bench/corpus.py)

RATIOS = (
    "build/mkdocs",
    "portal/mkdocs",
    "noop/clean",
    "one-page/clean",
    "serve-edit/clean",
    "packaging/zipfile",
    "packages-total/zipfile",
    "ms-per-page/smallest-N",
    "bytes-per-page/smallest-N",
)


def test_the_corpus_is_deterministic_and_has_a_quiz_on_every_fifth_page(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    plan = corpus.generate(first, 12, seed=3)
    corpus.generate(second, 12, seed=3)
    files = sorted(p.relative_to(first) for p in (first / "content").rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in (second / "content").rglob("*") if p.is_file())
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)
    for lang in corpus.LANGS:
        pages = sorted(
            p.relative_to(first / "content" / lang).as_posix() for p in (first / "content" / lang).rglob("*.md")
        )
        assert pages == sorted(plan.pages) and len(pages) == 12
        with_quiz = [path for path in plan.pages if "```quiz" in (first / "content" / lang / path).read_text()]
        assert with_quiz == plan.pages[4::5]


@pytest.mark.slow  # builds a corpus of 50 pages several times
def test_the_benchmark_runs_at_50_pages_and_prints_every_ratio(tmp_path):
    results = tmp_path / "RESULTS.md"
    completed = subprocess.run(
        [
            sys.executable,
            str(REPO / "bench" / "run.py"),
            "--pages",
            "50",
            "--repeat",
            "1",
            "--serve-edits",
            "1",
            "--keep",
            str(tmp_path / "corpora"),
            "--out",
            str(results),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
    )
    output = completed.stdout
    assert completed.returncode == 0, output[-4000:] + completed.stderr[-4000:]
    for key in RATIOS:
        assert re.search(rf"^ratio {re.escape(key)}\s+\d+\.\d+\s", output, re.M), f"no number for ratio {key}"
    assert re.search(r"^peak MB \(clean build\)\s+\d+\s", output, re.M)
    text = results.read_text(encoding="utf-8")
    assert "<!-- bench:N=50 -->" in text and "Machine: CPU:" in text and "bench/run.py --pages 50" in text
