"""The build benchmark: `builder build` against plain mkdocs on one synthetic trilingual corpus.

    .venv/bin/python bench/run.py --pages 50 200 800 --repeat 3 [--out bench/RESULTS.md] [--keep DIR]

For every N (pages per language) it generates a corpus (bench/corpus.py), then times, on that corpus:

  plain mkdocs     `mkdocs build -f mkdocs-plain.yml` (Material + static-i18n, the issue's baseline)
  clean build      `builder build` after deleting site/, dist/ and .cache/ (portal + all packages);
                   its portal and packages stages are read from the build's own progress lines
  no-op rebuild    `builder build` again, nothing changed
  one-page rebuild `builder build` after appending a sentence to one page in one language
  serve edit       `builder serve` running: from writing a unique marker into a page to the page
                   served over HTTP showing it (median over --serve-edits edits)
  packaging        builder.outputs.packages.build_packages in this process, on the checked content; and its two
                   parts apart: rendering the courses, and packaging the rendered courses into zips
  zipfile          the baseline: the files of the same zips, extracted to disk, zipped with zipfile

Medians over --repeat runs; peak memory is the summed RSS of the whole process tree (workers
included), sampled every 50 ms from /proc. A failing step is reported and skipped; the exit code
is then 1. Nothing here asserts a timing: the targets are printed beside the ratios.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib.metadata
import os
import platform
import re
import resource
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.error
import urllib.request
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path[:0] = [str(BENCH), str(REPO)]

import corpus as corpus_module  # noqa: E402  (bench/corpus.py)

LANGS = corpus_module.LANGS
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
SAMPLE_EVERY = 0.05  # seconds between memory samples

# (key, label, target) of every ratio line, in print order
RATIOS = (
    ("build/mkdocs", "clean builder build (portal + packages) / plain mkdocs", "—"),
    ("portal/mkdocs", "portal stage of the clean build / plain mkdocs", "≤ 0.5 at N=800"),
    ("noop/clean", "no-op rebuild / clean build", "≤ 0.1"),
    ("one-page/clean", "rebuild after editing one page / clean build", "—"),
    ("serve-edit/clean", "serve: edit to visible / clean build", "≤ 0.2"),
    ("packaging/zipfile", "SCORM packaging (rendered courses to zips) / zipping the same files with zipfile", "≤ 1.5"),
    ("packages-total/zipfile", "build_packages, rendering included / zipping the same files with zipfile", "—"),
    ("ms-per-page/smallest-N", "clean build ms per page / the same at the smallest N of this run", "≤ 1.3"),
    ("bytes-per-page/smallest-N", "site bytes per page / the same at the smallest N of this run", "≈ 1.0"),
)


# --- measuring ------------------------------------------------------------------------------------


def process_table() -> dict[int, tuple[int, int]]:
    """pid -> (parent pid, resident bytes) of every process we can see."""
    table = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        fields = stat[stat.rfind(b")") + 2 :].split()
        table[int(name)] = (int(fields[1]), int(fields[21]) * PAGE_SIZE)
    return table


def tree_rss(root: int) -> int:
    """Summed RSS of root and all its descendants (parallel workers count together)."""
    table = process_table()
    children: dict[int, list[int]] = {}
    for pid, (parent, _) in table.items():
        children.setdefault(parent, []).append(pid)
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        if pid in table:
            total += table[pid][1]
        stack.extend(children.get(pid, ()))
    return total


class MemoryMonitor:
    """Samples the summed RSS of a process tree every 50 ms in a thread; keeps the maximum."""

    def __init__(self, pid: int):
        self.pid, self.peak = pid, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self):
        while not self._stop.is_set():
            with contextlib.suppress(Exception):  # a process vanishing mid-scan: try again
                self.peak = max(self.peak, tree_rss(self.pid))
            self._stop.wait(SAMPLE_EVERY)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


@dataclass
class Run:
    seconds: float
    peak: int  # bytes
    cpu: float  # user + system seconds of the process and the children it waited for
    lines: list[tuple[float, str]]  # (seconds since start, line) of the output


class StepFailed(Exception):
    pass


CODE = REPO  # the project whose builder/, scorm/, theme/ and mkdocs.yml are measured (--code)


def bench_env() -> dict:
    env = dict(os.environ)
    # ahead of the venv's editable install (a meta path finder that comes after sys.path)
    env["PYTHONPATH"] = os.pathsep.join([str(CODE), *filter(None, [env.get("PYTHONPATH")])])
    env["NO_MKDOCS_2_WARNING"] = "1"
    env["PYTHONUNBUFFERED"] = "1"
    env.pop("SITE_URL", None)
    return env


def kill_group(process: subprocess.Popen) -> None:
    """End a process we started and its children (it leads its own session)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)


def run_timed(command: list[str], cwd: Path, timeout: float) -> Run:
    """Run a command, timing it and sampling its process tree's memory; raise StepFailed on failure."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=bench_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        errors="replace",
        start_new_session=True,
    )
    monitor = MemoryMonitor(process.pid)
    lines: list[tuple[float, str]] = []

    def read():
        for line in process.stdout:
            lines.append((time.perf_counter() - started, line.rstrip("\n")))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        code = process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_group(process)
        process.wait()
        monitor.stop()
        raise StepFailed(f"timed out after {timeout:.0f} s: {shlex.join(command)}") from None
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak = monitor.stop()
    reader.join(timeout=5)
    if code != 0:
        tail = "\n".join(line for _, line in lines[-25:])
        raise StepFailed(f"exit code {code}: {shlex.join(command)}\n{tail}")
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return Run(seconds, peak, cpu, lines)


def folder_bytes(folder: Path) -> int:
    total = 0
    for base, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(base, name)
            if not os.path.islink(path):
                total += os.path.getsize(path)
    return total


def stage_times(run: Run) -> dict[str, float]:
    """Stages of a `builder build` from its progress lines (missing lines give missing stages)."""
    marks = {}
    for at, line in run.lines:
        for key, pattern in (
            ("packages", r"^building the LMS packages"),
            ("banks", r"^writing the question banks"),
            ("portal", r"^building the portal"),
            ("end", r"^built "),
        ):
            if key not in marks and re.search(pattern, line):
                marks[key] = at
    stages = {}
    if "packages" in marks and "banks" in marks:
        stages["packages"] = marks["banks"] - marks["packages"]
    if "portal" in marks and "end" in marks:
        stages["portal"] = marks["end"] - marks["portal"]
    return stages


# --- one corpus -----------------------------------------------------------------------------------


@dataclass
class Step:
    times: list[float] = field(default_factory=list)  # wall-clock seconds
    peaks: list[int] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)  # CPU seconds, all processes together

    @property
    def median(self) -> float | None:
        return statistics.median(self.times) if self.times else None

    @property
    def cpu(self) -> float | None:
        return statistics.median(self.cpus) if self.cpus else None

    @property
    def peak(self) -> int | None:
        return max(self.peaks) if self.peaks else None


STEPS = (
    ("mkdocs", "plain mkdocs build"),
    ("clean", "builder build, clean"),
    ("portal", "  its portal stage"),
    ("packages-stage", "  its packages stage"),
    ("noop", "no-op rebuild"),
    ("one-page", "rebuild after editing one page"),
    ("serve-first", "serve: first build, until served"),
    ("serve-edit", "serve: edit until visible"),
    ("packages-total", "packages: build_packages (render + zip)"),
    ("render", "  course rendering (Markdown to HTML)"),
    ("packaging", "  SCORM packaging (zips from rendered)"),
    ("zipfile", "zipfile baseline, same files"),
)


@dataclass
class Result:
    n: int
    root: Path
    steps: dict[str, Step] = field(default_factory=lambda: {key: Step() for key, _ in STEPS})
    sizes: dict[str, int] = field(default_factory=dict)  # site, dist, plain (bytes)
    errors: list[str] = field(default_factory=list)
    ratios: dict[str, float | None] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        return self.n * len(LANGS)


class Bench:
    def __init__(self, args):
        self.args = args
        self.python = sys.executable

    def log(self, message: str) -> None:
        print(message, flush=True)

    def attempt(self, result: Result, name: str, action) -> bool:
        try:
            action()
            return True
        except StepFailed as failed:
            message = f"N={result.n} {name}: {failed}"
        except Exception:
            message = f"N={result.n} {name}: {traceback.format_exc()}"
        result.errors.append(message)
        self.log(f"  ERROR {message}")
        return False

    # the corpus

    def prepare(self, n: int, scratch: Path) -> Path:
        root = Path(self.args.keep).resolve() / f"n{n}" if self.args.keep else scratch / f"n{n}"
        if self.args.regenerate or not corpus_module.matches(root, n, self.args.seed):
            self.log(f"N={n}: generating the corpus in {root} …")
            started = time.perf_counter()
            corpus_module.generate(root, n, self.args.seed, CODE)
            self.log(f"  {n * len(LANGS)} pages in {time.perf_counter() - started:.1f} s")
        else:
            self.log(f"N={n}: reusing the corpus in {root}")
            corpus_module.refresh_project_files(root, CODE)
        return root

    @staticmethod
    def edited_page(root: Path, n: int, seed: int) -> tuple[Path, str]:
        """A page in the middle of the corpus, in Russian: its source and its URL path in the portal."""
        plan = corpus_module.plan_corpus(n, seed)
        path = plan.pages[len(plan.pages) // 2]
        if path.endswith("index.md"):
            path = plan.pages[len(plan.pages) // 2 + 1]
        url = "ru/" + (path[: -len("index.md")] if path.endswith("index.md") else path[:-3] + "/")
        return root / "content" / "ru" / path, url

    PROJECT_FILES = {"content", "theme", "mkdocs.yml", "mkdocs-plain.yml", corpus_module.MARKER_FILE}

    @classmethod
    def clean(cls, root: Path) -> None:
        """Everything but the project's own files goes: site/, dist/, .cache/, staging leftovers, any cache."""
        for entry in root.iterdir():
            if entry.name in cls.PROJECT_FILES:
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink()

    def builder_build(self, root: Path) -> Run:
        return run_timed([self.python, "-m", "builder", "build"], root, self.args.timeout)

    # the steps

    def measure(self, n: int, scratch: Path) -> Result:
        root = self.prepare(n, scratch)
        result = Result(n, root)
        steps = result.steps
        source, _ = self.edited_page(root, n, self.args.seed)
        original = source.read_text(encoding="utf-8")
        plain_out = scratch / f"plain-{n}"
        try:
            for repeat in range(self.args.repeat):
                self.log(f"N={n}: run {repeat + 1}/{self.args.repeat}")
                if "mkdocs" not in self.args.skip:

                    def plain():
                        shutil.rmtree(plain_out, ignore_errors=True)
                        run = run_timed(
                            [
                                self.python,
                                "-m",
                                "mkdocs",
                                "build",
                                "-q",
                                "-f",
                                "mkdocs-plain.yml",
                                "-d",
                                str(plain_out),
                            ],
                            root,
                            self.args.timeout,
                        )
                        self.record(steps["mkdocs"], run, "plain mkdocs")
                        result.sizes["plain"] = folder_bytes(plain_out)

                    self.attempt(result, "plain mkdocs", plain)
                if "build" in self.args.skip:
                    continue

                def clean_build():
                    self.clean(root)
                    run = self.builder_build(root)
                    self.record(steps["clean"], run, "clean build")
                    stages = stage_times(run)
                    for key, step in (("portal", "portal"), ("packages", "packages-stage")):
                        if key in stages:
                            steps[step].times.append(stages[key])
                    result.sizes["site"] = folder_bytes(root / "site")
                    result.sizes["dist"] = folder_bytes(root / "dist")

                if not self.attempt(result, "clean build", clean_build):
                    continue
                self.attempt(
                    result,
                    "no-op rebuild",
                    lambda: self.record(steps["noop"], self.builder_build(root), "no-op rebuild"),
                )

                def one_page():
                    # called at once, in this iteration: `repeat` is the current one
                    source.write_text(original + f"\nOne more sentence for run {repeat + 1}.\n", encoding="utf-8")  # noqa: B023
                    try:
                        self.record(steps["one-page"], self.builder_build(root), "one-page rebuild")
                    finally:
                        source.write_text(original, encoding="utf-8")

                self.attempt(result, "one-page rebuild", one_page)
            if "packaging" not in self.args.skip:
                self.attempt(result, "packaging", lambda: self.packaging(root, result, scratch / f"packages-{n}"))
            if "serve" not in self.args.skip:
                self.attempt(result, "serve", lambda: self.serve(root, result, source, original))
        finally:
            source.write_text(original, encoding="utf-8")
            shutil.rmtree(plain_out, ignore_errors=True)
        self.compute_ratios(result)
        return result

    def record(self, step: Step, run: Run, name: str) -> None:
        step.times.append(run.seconds)
        step.peaks.append(run.peak)
        step.cpus.append(run.cpu)
        self.log(f"  {name}: {run.seconds:.2f} s ({run.cpu:.2f} s CPU), peak {run.peak / 2**20:.0f} MB")

    def timed(self, result: Result, step: str, started: float, cpu: float) -> None:
        result.steps[step].times.append(time.perf_counter() - started)
        result.steps[step].cpus.append(time.process_time() - cpu)
        self.log(f"  {step}: {result.steps[step].times[-1]:.2f} s")

    def packaging(self, root: Path, result: Result, work: Path) -> None:
        """build_packages in this process, its rendering and packaging apart, and zipfile over the same
        files as the baseline."""
        from builder.model.languages import LANGUAGE_CODES
        from builder.outputs.coursebook import render_course
        from builder.outputs.packages import MULTILINGUAL, SCORM_VERSIONS, build_packages, engine_files, package_name
        from builder.pipeline import Project, check
        from builder.portal.config import portal_settings
        from scorm.package import write_package

        project = Project(root)
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        here = Path.cwd()
        os.chdir(root)  # as `builder build` runs: relative paths of mkdocs.yml resolve against the project
        try:
            dialect = portal_settings(project.config_file).dialect
            content = check(project, progress=lambda *_: None)
            for repeat in range(self.args.repeat):
                # the whole stage, as `builder build` runs it (no cache)
                target = work / f"scorm-{repeat}"
                started, cpu = time.perf_counter(), time.process_time()
                build_packages(content, dialect, project.theme_dir, target, None, lambda *_: None)
                self.timed(result, "packages-total", started, cpu)
                # its two parts: rendering the courses, then packaging them (manifests, player, zips)
                started, cpu = time.perf_counter(), time.process_time()
                rendered = {
                    (course.id, lang): render_course(course, content, dialect, lang, None)
                    for course in content.courses
                    for lang in LANGUAGE_CODES
                }
                self.timed(result, "render", started, cpu)
                target = work / f"packaged-{repeat}"
                started, cpu = time.perf_counter(), time.process_time()
                engine = engine_files(project.theme_dir)
                sets = [(lang, [lang]) for lang in LANGUAGE_CODES] + [(MULTILINGUAL, list(LANGUAGE_CODES))]
                for course in content.courses:
                    for version in SCORM_VERSIONS:
                        for language, languages in sets:
                            write_package(
                                target / package_name(course.id, language, version),
                                [rendered[(course.id, lang)] for lang in languages],
                                version,
                                engine,
                            )
                self.timed(result, "packaging", started, cpu)
        finally:
            os.chdir(here)
        zips = sorted(target.glob("*.zip"))
        if not zips:
            raise StepFailed("build_packages wrote no zip")
        extracted = work / "extracted"
        for archive in zips:
            with zipfile.ZipFile(archive) as opened:
                opened.extractall(extracted / archive.stem)
        for repeat in range(self.args.repeat):
            out = work / f"zipfile-{repeat}"
            out.mkdir()
            started, cpu = time.perf_counter(), time.process_time()
            for folder in sorted(extracted.iterdir()):
                with zipfile.ZipFile(out / f"{folder.name}.zip", "w", compression=zipfile.ZIP_DEFLATED) as archive:
                    for path in sorted(folder.rglob("*")):
                        if path.is_file():
                            archive.write(path, path.relative_to(folder).as_posix())
            result.steps["zipfile"].times.append(time.perf_counter() - started)
            result.steps["zipfile"].cpus.append(time.process_time() - cpu)
            self.log(f"  zipfile baseline: {result.steps['zipfile'].times[-1]:.2f} s ({len(zips)} zips)")
        shutil.rmtree(work, ignore_errors=True)

    def serve(self, root: Path, result: Result, source: Path, original: str) -> None:
        """`builder serve`: the time from saving a page to the served page showing the change."""
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        _, page_url = self.edited_page(root, result.n, self.args.seed)
        url = f"http://127.0.0.1:{port}/{page_url}"
        log_path = root / ".bench-serve.log"
        started = time.perf_counter()
        with open(log_path, "w") as log:
            process = subprocess.Popen(
                [self.python, "-m", "builder", "serve", "--port", str(port)],
                cwd=root,
                env=bench_env(),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        monitor = MemoryMonitor(process.pid)
        try:

            def served(marker: str | None) -> bool:
                if process.poll() is not None:
                    raise StepFailed(
                        f"builder serve exited with {process.returncode}:\n"
                        + log_path.read_text(errors="replace")[-3000:]
                    )
                try:
                    with urllib.request.urlopen(url, timeout=5) as response:
                        body = response.read().decode("utf-8", "replace")
                except (urllib.error.URLError, OSError):
                    return False
                return marker is None or marker in body

            def wait_until(marker: str | None, since: float, interval: float, failure: str) -> None:
                while not served(marker):
                    if time.perf_counter() > since + self.args.timeout:
                        raise StepFailed(f"{failure} within {self.args.timeout:.0f} s")
                    time.sleep(interval)

            wait_until(None, started, 0.05, f"builder serve did not serve {url}")
            result.steps["serve-first"].times.append(time.perf_counter() - started)
            self.log(f"  serve: first build served after {result.steps['serve-first'].times[-1]:.2f} s")
            for edit in range(self.args.serve_edits):
                time.sleep(1.0)  # let the watcher settle
                marker = f"benchmarker{uuid.uuid4().hex[:12]}"
                written = time.perf_counter()
                source.write_text(original + f"\n{marker}\n", encoding="utf-8")
                wait_until(marker, written, 0.02, f"the edit did not show on {url}")
                result.steps["serve-edit"].times.append(time.perf_counter() - written)
                self.log(f"  serve: edit {edit + 1} visible after {result.steps['serve-edit'].times[-1]:.2f} s")
        finally:
            source.write_text(original, encoding="utf-8")
            result.steps["serve-edit"].peaks.append(monitor.stop())
            process.send_signal(signal.SIGINT)
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=15)
            kill_group(process)  # the server and anything it left behind
            process.wait()
        result.steps["serve-first"].peaks.append(result.steps["serve-edit"].peaks[-1])

    # ratios and reports

    @staticmethod
    def compute_ratios(result: Result) -> None:
        steps = result.steps

        def ratio(a: str, b: str) -> float | None:
            x, y = steps[a].median, steps[b].median
            return x / y if x is not None and y else None

        result.ratios.update(
            {
                "build/mkdocs": ratio("clean", "mkdocs"),
                "portal/mkdocs": ratio("portal", "mkdocs"),
                "noop/clean": ratio("noop", "clean"),
                "one-page/clean": ratio("one-page", "clean"),
                "serve-edit/clean": ratio("serve-edit", "clean"),
                "packaging/zipfile": ratio("packaging", "zipfile"),
                "packages-total/zipfile": ratio("packages-total", "zipfile"),
            }
        )


def ms_per_page(result: Result, key: str = "clean") -> float | None:
    median = result.steps[key].median
    return median * 1000 / result.pages if median is not None else None


def cross_ratios(results: list[Result]) -> None:
    """Per-page time and size against the smallest N of the run."""
    base = min(results, key=lambda r: r.n)
    for result in results:
        a, b = ms_per_page(result), ms_per_page(base)
        result.ratios["ms-per-page/smallest-N"] = a / b if a is not None and b else None
        a = result.sizes.get("site", 0) / result.pages
        b = base.sizes.get("site", 0) / base.pages
        result.ratios["bytes-per-page/smallest-N"] = a / b if a and b else None


def number(value: float | None, digits: int = 2) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def mb(value: int | None) -> str:
    return "—" if not value else f"{value / 2**20:.0f}"


def step_rows(result: Result) -> list[list[str]]:
    rows = []
    for key, label in STEPS:
        step = result.steps[key]
        if not step.times:
            continue
        rows.append(
            [
                label.strip() if not label.startswith("  ") else "… " + label.strip(),
                number(step.median),
                number(step.median * 1000 / result.pages, 1),
                number(step.cpu),
                mb(step.peak),
                str(len(step.times)),
            ]
        )
    return rows


def size_rows(result: Result) -> list[list[str]]:
    rows = []
    for key, label in (
        ("site", "site/ (portal, with downloads/)"),
        ("dist", "dist/ (SCORM + banks)"),
        ("plain", "plain mkdocs site"),
    ):
        if key in result.sizes:
            size = result.sizes[key]
            rows.append([label, f"{size / 2**20:.1f}", f"{size / 1024 / result.pages:.1f}"])
    return rows


def text_table(head: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(row[i])) for row in [head, *rows]) for i in range(len(head))]
    lines = [
        "  ".join(str(cell).ljust(widths[i]) if i == 0 else str(cell).rjust(widths[i]) for i, cell in enumerate(row))
        for row in [head, *rows]
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def markdown_table(head: list[str], rows: list[list[str]], text_columns: int = 1) -> str:
    """A table with the first column and the last text_columns - 1 columns left-aligned, numbers right."""
    aligns = ["---"] + ["---:"] * (len(head) - text_columns) + [":---"] * (text_columns - 1)
    return "\n".join("| " + " | ".join(row) + " |" for row in [head, aligns, *rows])


STEP_HEAD = ["step", "median s", "ms/page", "CPU s", "peak MB", "runs"]
SIZE_HEAD = ["output", "MB", "KB/page"]


def print_result(result: Result) -> None:
    print(f"\n=== N = {result.n} pages per language ({result.pages} pages), corpus {result.root}")
    print(text_table(STEP_HEAD, step_rows(result)))
    print()
    print(text_table(SIZE_HEAD, size_rows(result)))
    print()
    for key, label, target in RATIOS:
        value = result.ratios.get(key)
        print(f"ratio {key:<27} {number(value):>6}   {label} (target {target})")
    print(
        f"peak MB (clean build)             {mb(result.steps['clean'].peak):>6}   summed RSS of the process "
        "tree (target < 500 at N=800)"
    )
    sys.stdout.flush()


def summary_rows(results: list[Result]) -> list[list[str]]:
    rows = []
    for result in results:
        rows.append(
            [
                str(result.n),
                number(ms_per_page(result), 1),
                number(ms_per_page(result, "mkdocs"), 1),
                mb(result.steps["clean"].peak),
            ]
            + [number(result.ratios.get(key)) for key, _, _ in RATIOS]
        )
    return rows


SUMMARY_HEAD = ["N", "build ms/page", "mkdocs ms/page", "peak MB"] + [key for key, _, _ in RATIOS]


def machine() -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 2**20:.1f} GiB"
    except OSError:
        pass

    def version(name: str) -> str:
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            return "not installed"

    try:
        commit = (
            subprocess.run(
                ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, timeout=10
            ).stdout.strip()
            or "unknown"
        )
    except (OSError, subprocess.SubprocessError):
        commit = "unknown"
    commit = (
        f"the working tree at {commit}, uncommitted changes included"
        if CODE == REPO
        else f"code from {CODE} (this checkout is at {commit})"
    )
    return {
        "CPU": cpu,
        "cores": f"{os.cpu_count()} ({len(os.sched_getaffinity(0))} usable)",
        "RAM": ram,
        "OS": f"{platform.system()} {platform.release()}",
        "Python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "Material": version("mkdocs-material"),
        "static-i18n": version("mkdocs-static-i18n"),
        "Markdown": version("markdown"),
        "pymdown-extensions": version("pymdown-extensions"),
        "code": commit,
        "load average at the end": " ".join(f"{load:.2f}" for load in os.getloadavg()),
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def command_line() -> str:
    executable = os.path.relpath(sys.executable, REPO) if sys.executable.startswith(str(REPO)) else sys.executable
    script = os.path.relpath(Path(sys.argv[0]).resolve(), REPO)
    return shlex.join([executable, script, *sys.argv[1:]])


RESULTS_HEADER = """# Benchmark results

Written by `bench/run.py --out` (see bench/README.md). Each N has its own section, replaced when a
run measures that N again; the per-page ratios compare with the smallest N *of the same run*.
Wall times on a busy machine are noisy: compare "CPU s" too, and mind the load average under
"Machine".
"""


def section(result: Result, info: dict[str, str], command: str, run_ns: list[int]) -> str:
    ratio_rows = [[key, number(result.ratios.get(key)), target, label] for key, label, target in RATIOS]
    ratio_rows.append(
        ["peak MB (clean build)", mb(result.steps["clean"].peak), "< 500 at N=800", "summed RSS of the process tree"]
    )
    machine_text = "; ".join(f"{key}: {value}" for key, value in info.items())
    parts = [
        f"<!-- bench:N={result.n} -->",
        f"## N = {result.n} pages per language ({result.pages} pages)",
        "",
        f"Run with N = {', '.join(map(str, run_ns))}: `{command}`",
        "",
        f"Machine: {machine_text}.",
        "",
        markdown_table(STEP_HEAD, step_rows(result)),
        "",
        markdown_table(SIZE_HEAD, size_rows(result)),
        "",
        markdown_table(["ratio", "value", "target", "what"], ratio_rows, text_columns=3),
    ]
    if result.errors:
        parts += ["", "Errors:", "", *[f"- `{error.splitlines()[0]}`" for error in result.errors]]
    parts.append(f"<!-- /bench:N={result.n} -->")
    return "\n".join(parts) + "\n"


def write_results(path: Path, results: list[Result]) -> None:
    info, command = machine(), command_line()
    run_ns = [r.n for r in results]
    sections: dict[int, str] = {}
    if path.exists():
        for match in re.finditer(
            r"<!-- bench:N=(\d+) -->.*?<!-- /bench:N=\1 -->\n?", path.read_text(encoding="utf-8"), re.S
        ):
            sections[int(match.group(1))] = match.group(0).rstrip("\n") + "\n"
    for result in results:
        sections[result.n] = section(result, info, command, run_ns)
    summary = [
        "<!-- bench:summary -->",
        "## Latest run",
        "",
        f"`{command}` — {info['date']}, {info['CPU']}, cores: {info['cores']}",
        "",
        markdown_table(SUMMARY_HEAD, summary_rows(results)),
        "<!-- /bench:summary -->",
        "",
    ]
    text = RESULTS_HEADER + "\n" + "\n".join(summary) + "\n" + "\n".join(sections[n] for n in sorted(sections))
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Benchmark `builder build` against plain mkdocs on a synthetic "
        "trilingual corpus (see bench/README.md)."
    )
    parser.add_argument(
        "--pages",
        type=int,
        nargs="+",
        default=[50],
        metavar="N",
        help="pages per language, one corpus each (default: 50)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs of every step; medians are reported (default: 3)")
    parser.add_argument("--serve-edits", type=int, default=3, help="edits timed under `builder serve` (default: 3)")
    parser.add_argument("--out", type=Path, help="write/update a Markdown results file, e.g. bench/RESULTS.md")
    parser.add_argument(
        "--keep",
        metavar="DIR",
        help="keep the corpora in DIR/n<N> and reuse them on later runs (default: a temporary folder)",
    )
    parser.add_argument("--regenerate", action="store_true", help="regenerate kept corpora even if they match")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default: 0)")
    parser.add_argument(
        "--skip", nargs="+", default=[], choices=["mkdocs", "build", "packaging", "serve"], help="steps to leave out"
    )
    parser.add_argument("--timeout", type=float, default=3600, help="seconds allowed for one step (default: 3600)")
    parser.add_argument(
        "--code",
        type=Path,
        default=REPO,
        metavar="DIR",
        help="measure the builder/, scorm/, theme/ and mkdocs.yml of another copy of the project, "
        "e.g. a `git archive HEAD` export (default: this checkout)",
    )
    args = parser.parse_args(argv)
    global CODE
    CODE = args.code.resolve()
    if not (CODE / "builder" / "pipeline.py").is_file() or not (CODE / "mkdocs.yml").is_file():
        parser.error(f"--code {args.code}: no builder/pipeline.py and mkdocs.yml there")
    sys.path.insert(0, str(CODE))  # for packaging in this process
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # clean up the scratch folder when stopped
    if args.repeat < 1 or args.serve_edits < 1 or min(args.pages) < 2:
        parser.error("--repeat and --serve-edits must be at least 1, --pages at least 2")
    try:
        import mkdocs  # noqa: F401

        import builder.pipeline  # noqa: F401
    except ImportError as missing:
        parser.error(f"{missing}: run with the project's venv, e.g. .venv/bin/python bench/run.py")

    bench = Bench(args)
    results: list[Result] = []
    scratch = Path(tempfile.mkdtemp(prefix="ccd-bench-"))
    try:
        for n in sorted(dict.fromkeys(args.pages)):
            result = bench.measure(n, scratch)
            results.append(result)
            cross_ratios(results)
            print_result(result)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    cross_ratios(results)
    print("\n=== summary")
    print(text_table(SUMMARY_HEAD, summary_rows(results)))
    if args.out:
        write_results(args.out, results)
        print(f"\nwrote {args.out}")
    errors = [error for result in results for error in result.errors]
    if errors:
        print(f"\n{len(errors)} step(s) failed:", file=sys.stderr)
        for error in errors:
            print(f"- {error.splitlines()[0]}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
