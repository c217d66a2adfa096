"""The content parsers fed thousands of generated and mutated inputs (Hypothesis): front matter and quizzes
in pages, course definitions, the data files.

Whatever an author saves, `builder check` must answer with errors, never with a traceback or by hanging:
no exception escapes, every parse ends, every rejection is a `path:line: message` that names the file and
a line it has. Inputs are the project's own files, mutated the way editing goes wrong (a character
inserted or lost, a line repeated, dropped or moved, indentation changed, a file cut short, a stray byte
in another encoding), and documents generated from random structures with the keys the parsers know.
"""

from __future__ import annotations

import re
import signal
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.model.content import load_content
from builder.model.courses import load_courses
from builder.model.data import load_site_data
from builder.model.errors import ErrorReport
from builder.model.quiz.checks import collect_quizzes
from builder.model.quiz.model import find_quiz_blocks, parse_quiz
from conftest import REPO, new_project

pytestmark = pytest.mark.slow  # several thousand inputs

HANG_LIMIT = 30  # seconds for one input: far beyond any real parse; reaching it means a hang
MESSAGE = re.compile(r"(?P<path>[^:\n]+):(?P<line>\d+): (?P<message>\S.*)", re.DOTALL)
FUZZ_SETTINGS = settings(
    deadline=None,  # the machine may be busy: hangs are caught by HANG_LIMIT instead
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

PAGE_TARGETS = ("guide/index.md", "culture/excursions/museum.md", "culture/days/korean.md")  # plain, event pages
DATA_FILES = ("places.yml", "figures.yml", "glossary.yml")

# what goes wrong when YAML and Markdown are edited by hand
FRAGMENTS = [
    ":",
    ": ",
    "-",
    "- ",
    "[",
    "]",
    "{",
    "}",
    "#",
    "&a ",
    "*a",
    "!",
    "!!binary ",
    "!!python/object:os.system ",
    "|",
    ">",
    "'",
    '"',
    "%",
    "@",
    "`",
    "\t",
    "\n",
    "\n\n",
    "  ",
    "    ",
    "---",
    "---\n",
    "...",
    "```",
    "```quiz\n",
    "~",
    "null",
    "true",
    "no",
    "0x1F",
    "1e999",
    "-0",
    "2027-02-30",
    "2027-13-01",
    "12:30",
    "25:99",
    "\\",
    "\\x",
    "\u00a0",
    "\ufeff",
    "\x00",
    "\r",
    "\r\n",
    "?",
    ",",
    "<<: *a",
    "<<: ",
    "é",
    "қ",
    "ё",
    "\u202e",
    "🙂",
    "id: ",
    "type: ",
    "options:\n  - text: x\n    correct: true\n",
    "title: ",
    "pages:\n  - ",
    "kk: ",
    "ru: ",
    "en: ",
]
# the keys of front matter, events, quizzes, courses and data files
KNOWN_KEYS = """title description draft date time duration status place venue meeting_point optional association
id type question explanation options text correct feedback fixed answer answers pairs left right items
pass_mark pages graded kk ru en city kind name source unit value label definition avoid allow""".split()


class Hang(Exception):
    pass


@contextmanager
def must_end(seconds: int = HANG_LIMIT):
    def hung(signum, frame):
        raise Hang(f"a parse took over {seconds} s: it hangs")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# -- inputs ------------------------------------------------------------------------------------------------


@st.composite
def traps(draw) -> str:
    """YAML that is small to write and huge to read: aliases of aliases, or deep nesting."""
    levels = draw(st.integers(min_value=1, max_value=40))
    if draw(st.booleans()):
        chain = [f"t0: &t0 [{draw(st.sampled_from(['x, x', 'x', '']))}]"]
        chain += [f"t{i}: &t{i} [*t{i - 1}, *t{i - 1}]" for i in range(1, levels)]
        key = draw(st.sampled_from(["title", "pass_mark", "answer", "kk"]))
        return "\n" + "\n".join(chain) + f"\n{key}: *t{levels - 1}\n"
    depth = draw(st.integers(min_value=1, max_value=3000))
    return draw(st.sampled_from(["[", "{a: ", "- "])) * depth + "x" + draw(st.sampled_from(["]", "}", ""])) * depth


fragment = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12), traps())
edit = st.tuples(
    st.sampled_from(["insert", "delete", "replace", "repeat-line", "drop-line", "move-line", "indent", "cut"]),
    st.integers(min_value=0, max_value=10**6),
    st.integers(min_value=0, max_value=10**6),
    fragment,
)
edits = st.lists(edit, min_size=1, max_size=6)
stray_byte = st.one_of(
    st.none(), st.tuples(st.integers(min_value=0, max_value=10**6), st.sampled_from([b"\xd0", b"\xff", b"\xc3\x28"]))
)


def mutated(text: str, changes, stray) -> bytes:
    """text after the edits, as the bytes of a saved file."""
    for kind, first, second, piece in changes:
        lines = text.split("\n")
        at, line = first % (len(text) + 1), first % len(lines)
        if kind == "insert":
            text = text[:at] + piece + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + second % 40 :]
        elif kind == "replace":
            text = text[:at] + piece + text[at + len(piece) :]
        elif kind == "repeat-line":
            text = "\n".join(lines[: line + 1] + lines[line:])
        elif kind == "drop-line":
            text = "\n".join(lines[:line] + lines[line + 1 :])
        elif kind == "move-line":
            moved = lines.pop(line)
            lines.insert(second % (len(lines) + 1), moved)
            text = "\n".join(lines)
        elif kind == "indent":
            shift = second % 9 - 4
            lines[line] = " " * shift + lines[line] if shift > 0 else lines[line][-shift:]
            text = "\n".join(lines)
        elif kind == "cut":
            text = text[:at]
    data = text.encode("utf-8", "surrogatepass")
    if stray:
        at, byte = stray
        at %= len(data) + 1
        data = data[:at] + byte + data[at:]
    return data


TRICKY_WORDS = ["", " ", "single", "truefalse", "match", "order", "text", "multiple", "kk", "yes", "=", "<<"]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=30),
    st.dates(),
    st.sampled_from(TRICKY_WORDS),
)
structures = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5),
        st.dictionaries(st.one_of(st.sampled_from(KNOWN_KEYS), st.text(max_size=8)), inner, max_size=7),
    ),
    max_leaves=25,
)


def dumped(value) -> str:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False)


@st.composite
def generated_pages(draw) -> bytes:
    front = dumped(draw(st.one_of(st.dictionaries(st.sampled_from(KNOWN_KEYS), scalars, max_size=8), structures)))
    quizzes = [dumped(quiz) for quiz in draw(st.lists(structures, max_size=3))]
    if draw(st.booleans()):
        front += draw(traps())
    if quizzes and draw(st.booleans()):
        quizzes[0] += draw(traps())
    body = "".join(f"\nText.\n\n```quiz\n{quiz}\n```\n" for quiz in quizzes)
    return f"---\n{front}\n---\n# A page\n{body}".encode()


# -- the property ------------------------------------------------------------------------------------------


def assert_well_reported(report: ErrorReport, root: Path) -> None:
    """Every problem names an existing file and one of its lines, then says what is wrong."""
    for error in report.errors:
        said = MESSAGE.fullmatch(str(error))
        assert said, f"not a 'path:line: message': {str(error)!r}"
        path = root / said["path"]
        assert path.is_file(), f"names no file of the project: {str(error)!r}"
        # lines as an editor shows them: any line break (YAML also counts CR, NEL, LS and PS), and the empty
        # line after a final break
        lines = len((path.read_bytes().decode("utf-8", "replace") + "\0").splitlines())
        assert 1 <= int(said["line"]) <= lines, f"line {said['line']} of a {lines}-line file: {str(error)!r}"


def errors_about(report: ErrorReport, root: Path, file: Path) -> list:
    name = file.relative_to(root).as_posix()
    return [error for error in report.errors if str(error).startswith(f"{name}:")]


@contextmanager
def saved_as(file: Path, data: bytes):
    """file holds data for the block, then its own content again (each input is tried alone)."""
    original = file.read_bytes() if file.exists() else None
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_bytes(data)
    try:
        yield
    finally:
        if original is None:
            file.unlink()
        else:
            file.write_bytes(original)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """The minimal project with a course and culture pages (events, places), loaded once."""
    project = new_project(tmp_path_factory.mktemp("fuzz"), overlays=("course", "culture"))
    report = ErrorReport(project.root)
    content = load_content(project.content_dir, report)
    collect_quizzes(content, report)
    assert not report, report.sorted()
    return project, content


def page_seeds() -> list[str]:
    pages = [
        REPO / "tests/fixtures/overlays/course/content/en/guide/index.md",
        REPO / "tests/fixtures/overlays/culture/content/en/culture/excursions/museum.md",
        REPO / "tests/fixtures/overlays/culture/content/kk/culture/days/korean.md",
    ]
    pages += sorted((REPO / "content").glob("*/textbook/introduction.md"))  # ten quizzes each, every type
    pages += sorted((REPO / "content" / "en" / "culture").rglob("*.md"))[:4]
    return [page.read_text(encoding="utf-8") for page in pages]


def check_page(project, data: bytes, target: str) -> None:
    project, _ = project
    file = project.content_dir / "en" / target
    with saved_as(file, data), must_end():
        report = ErrorReport(project.root)
        content = load_content(project.content_dir, report)
        collect_quizzes(content, report)
        page = content.page("en", target)
        if page is not None and page.readable:
            for block in find_quiz_blocks(page.body, page.body_line):
                quiz, problems = parse_quiz(block, file, "en")
                assert quiz is not None or problems, f"a quiz at line {block.line} rejected without a word"
        else:
            assert errors_about(report, project.root, file), "an unreadable page without a word"
        assert_well_reported(report, project.root)


@settings(FUZZ_SETTINGS, max_examples=1500)
@given(seed=st.sampled_from(page_seeds()), target=st.sampled_from(PAGE_TARGETS), changes=edits, stray=stray_byte)
def test_mutated_pages_get_front_matter_and_quiz_errors_with_their_lines(project, seed, target, changes, stray):
    check_page(project, mutated(seed, changes, stray), target)


@settings(FUZZ_SETTINGS, max_examples=600)
@given(data=generated_pages(), target=st.sampled_from(PAGE_TARGETS))
def test_generated_pages_get_front_matter_and_quiz_errors_with_their_lines(project, data, target):
    check_page(project, data, target)


def check_course(project, data: bytes) -> None:
    project, content = project
    file = project.content_dir / "courses" / "guide.yml"
    with saved_as(file, data), must_end():
        report = ErrorReport(project.root)
        courses = load_courses(content, report)
        if not any(course.source == file for course in courses):
            assert errors_about(report, project.root, file), "a course rejected without a word"
        assert_well_reported(report, project.root)


def course_seeds() -> list[str]:
    files = [
        REPO / "tests/fixtures/overlays/course/content/courses/guide.yml",
        *sorted((REPO / "content" / "courses").glob("*.yml")),
    ]
    return [file.read_text(encoding="utf-8") for file in files]


@settings(FUZZ_SETTINGS, max_examples=1000)
@given(seed=st.sampled_from(course_seeds()), changes=edits, stray=stray_byte)
def test_mutated_courses_get_errors_with_their_lines(project, seed, changes, stray):
    check_course(project, mutated(seed, changes, stray))


@settings(FUZZ_SETTINGS, max_examples=500)
@given(value=structures)
def test_generated_courses_get_errors_with_their_lines(project, value):
    check_course(project, dumped(value).encode())


def check_data(project, name: str, data: bytes) -> None:
    project, _ = project
    file = project.content_dir / "data" / name
    with saved_as(file, data), must_end():
        report = ErrorReport(project.root)
        load_site_data(project.content_dir, report)
        assert_well_reported(report, project.root)


@settings(FUZZ_SETTINGS, max_examples=1200)
@given(name=st.sampled_from(DATA_FILES), changes=edits, stray=stray_byte)
def test_mutated_data_files_get_errors_with_their_lines(project, name, changes, stray):
    seed = (REPO / "content" / "data" / name).read_text(encoding="utf-8")
    check_data(project, name, mutated(seed, changes, stray))


@settings(FUZZ_SETTINGS, max_examples=500)
@given(name=st.sampled_from(DATA_FILES), value=structures)
def test_generated_data_files_get_errors_with_their_lines(project, name, value):
    check_data(project, name, dumped(value).encode())
