"""Translation freshness: the hash a translation records, `builder translations mark`, `builder status`
listing the translations behind their Kazakh page with what changed, the portal's notice, the cache."""

from __future__ import annotations

import hashlib
import posixpath
import re
from pathlib import Path

import pytest

from builder.cli.commands import main
from builder.markdown.validate import check_content
from builder.model.content import load_page
from builder.model.errors import ErrorReport
from builder.model.translations import (
    OUTDATED,
    UNMARKED,
    lagging,
    set_front_matter_key,
    source_hash,
    translatable_text,
)
from builder.pipeline import build
from conftest import dialect_of, new_project

HASH_LINE = re.compile(r'^translated_from: "([0-9a-f]{12})"$', re.MULTILINE)
NOTICE = re.compile(r'<aside class="admonition warning ccd-translation-notice" role="note".*?</aside>', re.DOTALL)


def run(project, *args) -> int:
    return main(["--project", str(project.root), *args])


def page_at(file: Path, lang: str = "kk", path: str = "x.md"):
    report = ErrorReport(file.parent)
    page = load_page(file, lang, path, report)
    assert not report, report.sorted()
    return page


def hash_of(project, path: str) -> str:
    return source_hash(translatable_text(page_at(project.content_dir / "kk" / path, "kk", path)))


def marked_hash(file: Path) -> str | None:
    found = HASH_LINE.search(file.read_text(encoding="utf-8"))
    return found[1] if found else None


def store_files(project) -> set[str]:
    folder = project.root / "translations"
    return {path.name for path in folder.iterdir()} if folder.is_dir() else set()


def lagging_now(project) -> set[tuple[str, str, str]]:
    content, report = check_content(project.root, project.content_dir, dialect_of(project.config_file))
    assert not report, report.sorted()
    return {(state.lang, state.path, state.lag) for state in lagging(content)}


def edit(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new), encoding="utf-8")


# --- what is hashed ----------------------------------------------------------------------------------


def test_the_hash_follows_the_translatable_text_only(tmp_path):
    file = tmp_path / "page.md"
    file.write_text("---\ntitle: Бет\ndescription: Сипаттама.\ndraft: true\n---\n# Бет  \n\nМәтін.\n\n\n")
    page = page_at(file)
    assert translatable_text(page) == "---\ntitle: Бет\ndescription: Сипаттама.\n---\n# Бет\n\nМәтін.\n"
    digest = source_hash(translatable_text(page))
    assert digest == hashlib.sha256(translatable_text(page).encode()).hexdigest()[:12]

    def hash_after(text: str) -> str:
        file.write_bytes(text.encode("utf-8"))
        return source_hash(translatable_text(page_at(file)))

    # not a change of wording: quoting, the draft flag, line ends, trailing blanks
    assert hash_after('---\ntitle: "Бет"\ndescription: Сипаттама.\n---\n# Бет\n\nМәтін.\n') == digest
    assert hash_after("---\r\ntitle: Бет\r\ndescription: Сипаттама.\r\n---\r\n# Бет\r\n\r\nМәтін.\r\n") == digest
    # a change of wording, in the body or a translated key
    assert hash_after("---\ntitle: Бет\ndescription: Сипаттама.\n---\n# Бет\n\nМәтін жаңа.\n") != digest
    assert hash_after("---\ntitle: Бет\ndescription: Басқа.\n---\n# Бет\n\nМәтін.\n") != digest


def test_an_event_page_hashes_its_prose_fields_not_its_schedule(tmp_path):
    project = new_project(tmp_path, overlays=("culture",))
    path = "culture/excursions/museum.md"
    file = project.content_dir / "kk" / path
    before = hash_of(project, path)
    assert "meeting_point: Музейдің бас кіреберісі" in translatable_text(page_at(file, "kk", path))
    edit(file, 'time: "10:00"', 'time: "11:00"')
    assert hash_of(project, path) == before  # the same in every language anyway (a checked contract)
    edit(file, "meeting_point: Музейдің бас кіреберісі", "meeting_point: Музейдің шығыс кіреберісі")
    assert hash_of(project, path) != before


# --- editing the front matter ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "before, after",
    [
        (  # after the title
            "---\ntitle: Главная\ndescription: Текст.\n---\n# Главная\n",
            '---\ntitle: Главная\ntranslated_from: "0123456789ab"\ndescription: Текст.\n---\n# Главная\n',
        ),
        (  # replaced in place, wherever it is
            '---\ndescription: Текст.\ntranslated_from: "aaaaaaaaaaaa"  \ntitle: Главная\n---\nx\n',
            '---\ndescription: Текст.\ntranslated_from: "0123456789ab"\ntitle: Главная\n---\nx\n',
        ),
        (  # a title that goes on over indented lines; CRLF kept; a BOM kept
            "\ufeff---\r\ntitle: >\r\n  Long\r\n  title\r\n# a comment\r\n---\r\nbody\r\n",
            '\ufeff---\r\ntitle: >\r\n  Long\r\n  title\r\ntranslated_from: "0123456789ab"\r\n'
            "# a comment\r\n---\r\nbody\r\n",
        ),
        (  # no title: before the closing line
            "---\ndraft: true\n---\n",
            '---\ndraft: true\ntranslated_from: "0123456789ab"\n---\n',
        ),
    ],
)
def test_setting_the_key_changes_only_its_line(before, after):
    assert set_front_matter_key(before, "translated_from", '"0123456789ab"') == after
    assert set_front_matter_key(after, "translated_from", '"0123456789ab"') == after


def test_a_page_without_front_matter_is_refused():
    with pytest.raises(ValueError, match="no front matter"):
        set_front_matter_key("# Title\n", "translated_from", '"0123456789ab"')
    with pytest.raises(ValueError, match="not closed"):
        set_front_matter_key("---\ntitle: x\n", "translated_from", '"0123456789ab"')


# --- builder translations mark ----------------------------------------------------------------------


def test_mark_one_translation_keeps_every_other_byte_and_the_source_text(project, capsys):
    ru, en = project.content_dir / "ru" / "index.md", project.content_dir / "en" / "index.md"
    ru_before, en_before = ru.read_bytes(), en.read_bytes()
    assert run(project, "translations", "mark", "content/ru/index.md") == 0
    digest = hash_of(project, "index.md")
    assert marked_hash(ru) == digest
    line = f'translated_from: "{digest}"\n'.encode()
    assert ru.read_bytes().replace(line, b"", 1) == ru_before
    assert ru.read_bytes().split(b"\n")[2] == line.rstrip(b"\n")  # right after the title
    assert en.read_bytes() == en_before  # not named, not touched
    stored = project.root / "translations" / f"{digest}.md"
    kk = page_at(project.content_dir / "kk" / "index.md", "kk", "index.md")
    assert stored.read_text(encoding="utf-8") == translatable_text(kk)
    assert "content/ru/index.md: marked up to date with content/kk/index.md" in capsys.readouterr().out

    marked = ru.read_bytes()
    assert run(project, "translations", "mark", str(ru)) == 0  # idempotent, an absolute path too
    assert ru.read_bytes() == marked
    assert "already up to date" in capsys.readouterr().out
    assert ("ru", "index.md", UNMARKED) not in lagging_now(project)
    assert ("en", "index.md", UNMARKED) in lagging_now(project)


def test_mark_a_kazakh_page_marks_both_translations(project):
    assert run(project, "translations", "mark", "content/kk/guide/index.md") == 0
    digest = hash_of(project, "guide/index.md")
    for lang in ("ru", "en"):
        assert marked_hash(project.content_dir / lang / "guide" / "index.md") == digest
        assert marked_hash(project.content_dir / lang / "index.md") is None
    assert marked_hash(project.content_dir / "kk" / "guide" / "index.md") is None  # the source records nothing


def test_mark_all_then_a_changed_source_and_the_store_stays_tidy(project):
    assert run(project, "translations", "mark", "--all") == 0
    assert lagging_now(project) == set()
    old = hash_of(project, "guide/index.md")
    assert store_files(project) == {f"{hash_of(project, 'index.md')}.md", f"{old}.md"}

    edit(project.content_dir / "kk" / "guide" / "index.md", "бейбіт", "бейбіт түрде")
    assert lagging_now(project) == {("ru", "guide/index.md", OUTDATED), ("en", "guide/index.md", OUTDATED)}
    assert run(project, "translations", "mark", "content/ru/guide/index.md") == 0
    new = hash_of(project, "guide/index.md")
    assert f"{old}.md" in store_files(project) and f"{new}.md" in store_files(project)  # en still refers to old
    assert run(project, "translations", "mark", "content/en/guide/index.md") == 0
    assert f"{old}.md" not in store_files(project)  # nothing refers to it any more
    assert lagging_now(project) == set()


def test_prune_removes_only_unreferenced_texts(project, capsys):
    assert run(project, "translations", "mark", "--all") == 0
    stray = project.root / "translations" / "ffffffffffff.md"
    stray.write_text("old\n", encoding="utf-8")
    readme = project.root / "translations" / "README.md"
    readme.write_text("not a marked text\n", encoding="utf-8")
    assert run(project, "translations", "prune") == 0
    assert not stray.exists() and readme.exists() and len(store_files(project)) == 3
    assert "removed translations/ffffffffffff.md" in capsys.readouterr().out


def test_paths_that_are_not_content_pages_are_refused_by_name_and_nothing_is_written(project, capsys):
    ru = project.content_dir / "ru" / "index.md"
    before = ru.read_bytes()
    assert run(project, "translations", "mark", "content/ru/index.md", "mkdocs.yml", "content/ru/nope.md") == 1
    err = capsys.readouterr().err
    assert "mkdocs.yml: not a content page" in err
    assert "content/ru/nope.md: no such file" in err
    assert "nothing was marked" in err
    assert ru.read_bytes() == before and store_files(project) == set()
    assert run(project, "translations", "mark", "content/nav.yml") == 1
    assert "content/nav.yml: not a content page" in capsys.readouterr().err
    assert run(project, "translations", "mark") == 2  # neither paths nor --all


# --- builder status ----------------------------------------------------------------------------------


def test_status_lists_lagging_translations_with_the_changed_source_lines(project, capsys):
    assert run(project, "status") == 0
    out = capsys.readouterr().out
    assert "pages" in out.splitlines()[0]  # the table is still there
    assert "content/ru/index.md, content/en/index.md: never marked" in out

    assert run(project, "translations", "mark", "--all") == 0
    capsys.readouterr()
    assert run(project, "status") == 0
    assert "translations: all 4 up to date with their Kazakh page" in capsys.readouterr().out

    edit(project.content_dir / "kk" / "guide" / "index.md", "Медиация — дауды", "Медиация — жанжалды")
    assert run(project, "status") == 0
    lines = capsys.readouterr().out.splitlines()
    listed = next(i for i, line in enumerate(lines) if line.startswith("  content/ru/guide/index.md"))
    assert "content/en/guide/index.md" in lines[listed] and "content/kk/guide/index.md changed since" in lines[listed]
    diff = lines[listed + 1 :]
    assert "    -Медиация — дауды бейбіт шешу тәсілі." in diff
    assert "    +Медиация — жанжалды бейбіт шешу тәсілі." in diff
    assert not any("index.md, " in line and "guide" not in line for line in lines)  # the home page is up to date

    assert run(project, "status", "--no-diff") == 0
    out = capsys.readouterr().out
    assert "content/ru/guide/index.md" in out and "+Медиация" not in out


def test_status_without_the_marked_text_says_so(project, capsys):
    assert run(project, "translations", "mark", "--all") == 0
    edit(project.content_dir / "kk" / "index.md", "Басты бет", "Бас бет")
    for stored in (project.root / "translations").iterdir():
        stored.unlink()  # e.g. a clone that lost the folder
    assert run(project, "status") == 0
    assert "is not kept: compare by hand" in capsys.readouterr().out


# --- the front-matter schema -------------------------------------------------------------------------


def test_the_key_belongs_on_translations_only_and_is_a_quoted_hash(project):
    edit(project.content_dir / "kk" / "index.md", "title: Басты бет\n", 'title: Басты бет\ntranslated_from: "abc"\n')
    edit(project.content_dir / "ru" / "index.md", "title: Главная\n", "title: Главная\ntranslated_from: 123456789012\n")
    content, report = check_content(project.root, project.content_dir, dialect_of(project.config_file))
    errors = [str(error) for error in report.sorted()]
    assert any(e.startswith("content/kk/index.md:3: unknown front matter key 'translated_from'") for e in errors)
    assert any(e.startswith("content/ru/index.md:3: front matter key 'translated_from' must be") for e in errors)
    assert len(errors) == 2, errors


# --- the portal ---------------------------------------------------------------------------------------


def built(project, log: list | None = None) -> Path:
    return build(project, project.root / "site", progress=(log if log is not None else []).append)


def notice(site: Path, page: str) -> str | None:
    found = NOTICE.search((site / page).read_text(encoding="utf-8"))
    return found[0] if found else None


def test_lagging_pages_carry_a_notice_linking_to_the_original_until_marked(project):
    log = []
    site = built(project, log)  # never marked: a note in the log, not an error
    assert any(message.startswith("note: 4 translations behind their Kazakh page") for message in log)
    ru = notice(site, "ru/guide/index.html")
    assert ru is not None and "Этот перевод ещё не сверен" in ru
    assert 'aria-labelledby="ccd-translation-notice-title"' in ru and "Перевод может быть устаревшим" in ru
    link = re.search(r'<a href="([^"]+)" hreflang="kk">Открыть казахский оригинал</a>', ru)[1]
    assert not link.startswith("/")  # relative: any sub-path, file://
    target = posixpath.normpath(posixpath.join("ru/guide/", link))
    assert target == "guide" and (site / target / "index.html").is_file()
    assert "This translation has not yet been checked" in notice(site, "en/index.html")
    assert notice(site, "guide/index.html") is None and notice(site, "index.html") is None  # the originals

    assert run(project, "translations", "mark", "--all") == 0
    log = []
    site = built(project, log)
    assert not any(message.startswith("note:") for message in log)
    for page in ("ru/index.html", "ru/guide/index.html", "en/index.html", "en/guide/index.html"):
        assert notice(site, page) is None, page


def test_a_changed_kazakh_page_rebuilds_its_translations_with_the_notice(project):
    assert run(project, "translations", "mark", "--all") == 0
    built(project)
    edit(project.content_dir / "kk" / "guide" / "index.md", "бейбіт", "бейбіт түрде")
    log = []
    site = built(project, log)  # with the cache
    assert "  portal: language 'ru' unchanged" not in log
    assert "The Kazakh text of this page has changed" in notice(site, "en/guide/index.html")
    assert "Казахский текст этой страницы изменился" in notice(site, "ru/guide/index.html")
    assert notice(site, "ru/index.html") is None

    edit(project.content_dir / "kk" / "guide" / "index.md", "бейбіт түрде", "бейбіт жолмен")
    log = []
    built(project, log)  # still behind: the translations need no new build
    assert "  portal: language 'ru' unchanged" in log and "  portal: language 'en' unchanged" in log

    assert run(project, "translations", "mark", "content/kk/guide/index.md") == 0
    site = built(project)
    assert notice(site, "ru/guide/index.html") is None and notice(site, "en/guide/index.html") is None


# --- builder new page ------------------------------------------------------------------------------


def test_a_new_page_starts_marked(project, capsys):
    assert run(project, "new", "page", "unity/club.md", "--title", "Клуб") == 0
    digest = hash_of(project, "unity/club.md")
    for lang in ("ru", "en"):
        text = (project.content_dir / lang / "unity" / "club.md").read_text(encoding="utf-8")
        assert text.startswith(f'---\ntitle: "Клуб"\ntranslated_from: "{digest}"\ndraft: true\n---\n')
    assert f"{digest}.md" in store_files(project)
    assert not {state for state in lagging_now(project) if state[1] == "unity/club.md"}


def test_the_preview_shows_the_notice_once_a_kazakh_page_is_edited(project, tmp_path):
    from test_serve import fetch, preview, wait_for

    assert run(project, "translations", "mark", "--all") == 0
    with preview(project, tmp_path / "serve.log") as address:
        assert "ccd-translation-notice" not in fetch(address + "ru/guide/")
        edit(project.content_dir / "kk" / "guide" / "index.md", "бейбіт", "бейбіт түрде")
        wait_for(lambda: "бейбіт түрде" in fetch(address + "guide/"))
        wait_for(lambda: "Казахский текст этой страницы изменился" in fetch(address + "ru/guide/"))
        assert "ccd-translation-notice" not in fetch(address + "ru/")
