"""Every kind of content error: a fixture under tests/fixtures/errors/ and its exact messages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from builder.cli.commands import main
from builder.markdown.validate import check_content
from conftest import FIXTURES, dialect_of, new_project

CASES = sorted(p.name for p in (FIXTURES / "errors").iterdir())


def errors_of(project) -> list[str]:
    _, report = check_content(project.root, project.content_dir, dialect_of(project.config_file))
    return [str(error) for error in report.sorted()]


def places_and_codes(project) -> list[str]:
    """What a fixture asserts: where each error is and its code (the wording may change)."""
    _, report = check_content(project.root, project.content_dir, dialect_of(project.config_file))
    return [f"{error.path}:{error.line} {error.code}" for error in report.sorted()]


def test_minimal_fixture_is_clean(project):
    assert errors_of(project) == []


@pytest.mark.parametrize("case", CASES)
def test_error_fixture(tmp_path, case):
    expected = (FIXTURES / "errors" / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert expected, f"{case}: a fixture must expect at least one error"
    assert places_and_codes(new_project(tmp_path, case)) == expected


def test_each_error_names_file_line_and_remedy(tmp_path):
    lines = errors_of(new_project(tmp_path, "unknown-key"))
    assert lines == [
        "content/kk/index.md:3: unknown front matter key 'titel'; "
        "allowed keys are: title, description, draft [front-matter.unknown-key]"
    ]


def test_all_errors_are_reported_together_with_exit_code_1(tmp_path, capsys):
    project = new_project(tmp_path, "broken-anchor")
    # a second, unrelated error in another language and file
    (project.content_dir / "en" / "index.md").write_text(
        "---\ntitle: Home\ncolour: red\n---\n# Home\n", encoding="utf-8"
    )
    assert main(["--project", str(project.root), "check"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert (
        "content/en/index.md:3: unknown front matter key 'colour'; allowed keys are: title, description, draft, "
        "translated_from [front-matter.unknown-key]"
    ) in err
    assert (
        "content/ru/index.md:6: link '#нет': this page has no heading or element with id 'нет' [link.missing-anchor]"
        in err
    )
    assert err[-1] == "3 errors: nothing was published"


def test_check_passes_on_clean_content(project, capsys):
    assert main(["--project", str(project.root), "check"]) == 0
    assert "no errors" in capsys.readouterr().out


def test_draft_pages_are_checked_for_parity(tmp_path):
    project = new_project(tmp_path)
    page = project.content_dir / "kk" / "draft.md"
    page.write_text("---\ntitle: Жоба\ndraft: true\n---\n# Жоба\n", encoding="utf-8")
    (project.content_dir / "nav.yml").write_text("- index.md\n- draft.md\n- guide/:\n    - guide/index.md\n")
    assert [e.split(":")[0] for e in errors_of(project)] == ["content/en/draft.md", "content/ru/draft.md"]


def test_console_script_and_module_agree():
    for command in (
        [sys.executable, "-m", "builder", "--help"],
        [str(Path(sys.executable).parent / "builder"), "--help"],
    ):
        result = subprocess.run(command, capture_output=True, text=True, cwd=Path(__file__).parent.parent)
        assert result.returncode == 0, result.stderr
        assert "check" in result.stdout and "serve" in result.stdout and "build" in result.stdout


def test_new_page_creates_a_draft_in_every_language_that_passes_check(project, capsys):
    assert main(["--project", str(project.root), "new", "page", "unity/club", "--title", "Клуб"]) == 0
    for lang in ("kk", "ru", "en"):
        text = (project.content_dir / lang / "unity" / "club.md").read_text(encoding="utf-8")
        marked = "" if lang == "kk" else text.split("\n")[2] + "\n"  # translated_from (tests/test_translations.py)
        assert text.startswith(f'---\ntitle: "Клуб"\n{marked}draft: true\n---\n# Клуб\n')
    assert errors_of(project) == []
    assert main(["--project", str(project.root), "new", "page", "unity/club.md"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["--project", str(project.root), "new", "page", "../outside"]) == 1


def test_every_error_code_is_documented_in_the_readme():
    import re

    from conftest import REPO

    source = "\n".join(path.read_text(encoding="utf-8") for path in (REPO / "builder").rglob("*.py"))
    used = set(re.findall(r'code="([a-z-]+\.[a-z0-9-]+)"', source))
    used |= set(re.findall(r'"((?:front-matter)\.[a-z-]+)"\)', source))
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`([a-z-]+\.[a-z0-9-]+)`", readme.split("### Error codes")[1].split("\n## ")[0]))
    assert len(used) > 100
    assert used <= documented, sorted(used - documented)


def test_status_counts_the_prose_words_of_every_page(project, capsys):
    """`builder status`: words outside code, quiz and data blocks, per page and language."""
    page = project.content_dir / "kk" / "guide" / "index.md"
    quiz = "\n```quiz\nid: g-1\ntype: truefalse\nquestion: Медиация ерікті түрде жүреді.\nanswer: true\n```\n"
    page.write_text(page.read_text(encoding="utf-8") + quiz, encoding="utf-8")  # words a reader does not read
    assert main(["--project", str(project.root), "status", "--pages"]) == 0
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if line.startswith("guide/index.md"))
    # "Нұсқаулық", "Негізгі қағидалар", "Медиация — дауды бейбіт шешу тәсілі.", "Басты бетке": 10 words
    assert row.split()[1] == "10", row
