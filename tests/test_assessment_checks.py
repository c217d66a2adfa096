"""`builder check` for assessments and honest content: answer keys, option order, terminology, event facts."""

from __future__ import annotations

import re
from pathlib import Path

from builder.markdown.validate import check_content
from builder.model.quiz.answer_keys import longest_allowed, true_range
from builder.model.quiz.model import QuizBlock, parse_quiz
from conftest import dialect_of, new_project

LANGS = ("kk", "ru", "en")


def errors_of(project) -> list[str]:
    _, report = check_content(project.root, project.content_dir, dialect_of(project.config_file))
    return [str(error) for error in report.sorted()]


def write_page(project, path: str, body: str, front: str = "", nav: bool = True) -> None:
    for lang in LANGS:
        target = project.content_dir / lang / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"---\ntitle: Page {path}\n{front}---\n# Page\n\n{body}\n", encoding="utf-8")
    if nav:
        nav_file = project.content_dir / "nav.yml"
        nav_file.write_text(nav_file.read_text(encoding="utf-8") + f"- {path}\n", encoding="utf-8")


def truefalse(quiz_id: str, answer: bool) -> str:
    return (
        f"```quiz\nid: {quiz_id}\ntype: truefalse\nquestion: Statement {quiz_id}?\nanswer: {str(answer).lower()}\n```\n"
    )


def single(quiz_id: str, right: str, wrong: list[str], feedback: bool = True) -> str:
    options = [(right, True)] + [(text, False) for text in wrong]
    lines = [f"```quiz\nid: {quiz_id}\ntype: single\nquestion: Which one ({quiz_id})?\noptions:"]
    for text, correct in options:
        lines.append(
            f"  - text: {text}"
            + ("\n    correct: true" if correct else "")
            + ("\n    feedback: Because the page says so." if feedback else "")
        )
    return "\n".join(lines) + "\n```\n"


def test_allowed_shares_round_to_whole_questions():
    assert true_range(14) == (4, 10) and true_range(3) == (1, 2) and true_range(6) == (2, 4)
    assert longest_allowed(17) == 6 and longest_allowed(2) == 1 and longest_allowed(7) == 2


def test_a_section_keyed_by_length_and_by_false_is_reported_in_every_language(tmp_path):
    project = new_project(tmp_path)
    quizzes = [truefalse(f"s-tf-{n}", False) for n in range(6)]
    quizzes += [
        single(f"s-single-{n}", "A long and carefully qualified right answer", ["Short", "Brief"]) for n in range(3)
    ]
    write_page(project, "guide/test.md", "\n".join(quizzes))
    errors = errors_of(project)
    for lang in LANGS:
        balance = [e for e in errors if e.startswith(f"content/{lang}/guide/test.md") and "unbalanced" in e]
        assert len(balance) == 1 and "0 of 6 are 'true' (between 2 and 4 should be)" in balance[0]
        longest = [e for e in errors if e.startswith(f"content/{lang}/guide/test.md") and "strictly the longest" in e]
        assert len(longest) == 3 and "3 of the 3 single-choice questions of section 'guide'" in longest[0]
    # each finding names the quiz's own line
    assert re.match(r"content/en/guide/test\.md:48: quiz .s-single-0.", next(e for e in errors if "s-single-0" in e))


def test_a_balanced_section_passes(tmp_path):
    project = new_project(tmp_path)
    quizzes = [truefalse(f"s-tf-{n}", n % 2 == 0) for n in range(6)]
    quizzes += [
        single("s-single-0", "Right answer", ["A distractor as long", "Another wrong one"]),
        single("s-single-1", "Right, and the longest of them", ["Wrong", "Also wrong"]),
    ]
    write_page(project, "guide/test.md", "\n".join(quizzes))
    assert errors_of(project) == []


def test_options_that_differ_only_in_case_or_punctuation_are_duplicates(tmp_path):
    project = new_project(tmp_path)
    write_page(project, "guide/test.md", single("dup-1", "Dialogue", ["dialogue.", "Silence"]))
    assert any("reads the same as the one on line" in e for e in errors_of(project))


def test_a_graded_option_without_feedback_is_reported(tmp_path):
    project = new_project(tmp_path)
    write_page(project, "guide/exam.md", single("exam-1", "Right", ["Wrong one", "Wrong two"], feedback=False))
    (project.content_dir / "courses").mkdir(exist_ok=True)
    (project.content_dir / "courses" / "exam.yml").write_text(
        "id: exam\ntitle: {kk: Емтихан, ru: Экзамен, en: Exam}\ndescription: {kk: Сипаттама, ru: Описание, "
        "en: About}\npass_mark: 70\npages: [guide/exam.md]\ngraded: [exam-1]\n",
        encoding="utf-8",
    )
    errors = errors_of(project)
    assert len([e for e in errors if "quiz 'exam-1' is graded: give this option 'feedback:'" in e]) == 9  # 3 × 3


def test_options_are_shown_in_one_shuffled_order_per_id_with_fixed_options_in_place():
    text = (
        "id: order-1\ntype: multiple\nquestion: Q?\noptions:\n"
        + "".join(f"  - text: Option {n}\n" + ("    correct: true\n" if n < 2 else "") for n in range(5))
        + "  - text: All of the above\n    fixed: true\n"
    )
    quiz, problems = parse_quiz(QuizBlock(1, text), Path("x.md"))
    assert not problems
    shown = [i for i, _ in quiz.shown_options()]
    assert sorted(shown) == list(range(6)) and shown[-1] == 5 and shown != list(range(6))
    again, _ = parse_quiz(QuizBlock(1, text.replace("Option", "Нұсқа")), Path("y.md"), "kk")
    assert [i for i, _ in again.shown_options()] == shown  # the same permutation in every language


def test_real_content_shows_the_right_option_first_no_more_often_than_chance(content):
    singles = [quiz for quiz in content.quizzes["kk"].values() if quiz.type == "single"]
    first_is_right = sum(quiz.shown_options()[0][1].correct for quiz in singles)
    assert len(singles) >= 20
    assert first_is_right / len(singles) < 0.5  # authored right-first: without shuffling this would be 1.0
    for lang in ("ru", "en"):
        for quiz in singles:
            other = content.quizzes[lang][quiz.id]
            assert [i for i, _ in other.shown_options()] == [i for i, _ in quiz.shown_options()]


def test_avoided_terms_are_reported_with_the_preferred_term(tmp_path):
    project = new_project(tmp_path)
    glossary = project.content_dir / "data" / "glossary.yml"
    glossary.parent.mkdir(parents=True, exist_ok=True)
    definition = "  definition: {kk: Анықтама., ru: Определение., en: A definition.}\n"
    glossary.write_text(
        "- id: museum\n  kk: музей\n  ru: музей\n  en: museum\n  avoid: {kk: [мұражай]}\n"
        + definition
        + "- id: volunteer\n  kk: волонтер\n  ru: волонтёр\n  en: volunteer\n  avoid: {kk: [ерікті]}\n"
        + "  allow: {kk: [ерікті түрде]}\n"
        + definition
        + "- id: apk\n  kk: ҚХА\n  ru: АНК\n  en: APK\n  avoid: {kk: [АНК]}\n"
        + definition
        + "- id: master-class\n  kk: шеберлік сыныбы\n  ru: мастер-класс\n  en: master class\n"
        + "  avoid: {kk: [шеберлік сабақ]}\n"
        + definition,
        encoding="utf-8",
    )
    write_page(
        project,
        "guide/terms.md",
        "\n".join(
            [
                "Студенттер мұражайларға барады.",  # reported, an inflected form
                "Олар бұған ерікті түрде келіседі.",  # allowed phrase
                "«Қарлаг мұражайы» деген атау сақталады.",  # a quoted official name
                "Ерікті келісім — медиацияның негізі. <!-- terms-allow: ерікті -->",  # allowed on this line
                "Еріктілер көмектесті.",  # reported
                "Анкеталық сауалнама өтті, АНК туралы.",  # the abbreviation only
                "Шеберлік сабағы келесі аптада.",  # reported by stems: қ became ғ before the vowel
                "Еркін пікірталас болды.",  # not ерікті: a stem is compared only for a base form
            ]
        ),
    )
    errors = [e for e in errors_of(project) if "glossary's term" in e]
    kk = [e for e in errors if e.startswith("content/kk/")]
    assert [int(e.split(":")[1]) for e in kk] == [6, 10, 11, 12]
    assert "'мұражайларға': the glossary's term is 'музей'" in kk[0]
    assert "'Еріктілер': the glossary's term is 'волонтер'" in kk[1]
    assert "'АНК': the glossary's term is 'ҚХА'" in kk[2]
    assert "'Шеберлік': the glossary's term is 'шеберлік сыныбы'" in kk[3]
    assert not [e for e in errors if not e.startswith("content/kk/")]  # the variants are Kazakh only


def test_the_shipped_glossary_settles_each_drift():
    import yaml

    terms = yaml.safe_load((Path(__file__).parent.parent / "content/data/glossary.yml").read_text(encoding="utf-8"))
    avoided = {variant for term in terms for variants in (term.get("avoid") or {}).values() for variant in variants}
    assert {"мұражай", "процесс", "үрдіс", "кейс", "ерікті", "шеберлік сабақ", "АНК", "медиационн"} <= avoided


CALENDAR = """periods:
  - {kind: semester, start: 2027-02-01, end: 2027-05-15,
     name: {kk: көктемгі семестр, ru: весенний семестр, en: spring semester}}
  - {kind: exams, start: 2027-05-17, end: 2027-06-19,
     name: {kk: жазғы сессия, ru: летняя сессия, en: summer examination session}}
"""


def set_front(project, path: str, **values) -> None:
    for lang in LANGS:
        page = project.content_dir / lang / path
        text = page.read_text(encoding="utf-8")
        for key, value in values.items():
            text, count = re.subn(rf"^{key}: .*$", f"{key}: {value}", text, count=1, flags=re.M)
            if not count:
                text = text.replace("\n---\n", f"\n{key}: {value}\n---\n", 1)
        page.write_text(text, encoding="utf-8")


def test_events_stay_in_a_semester_unless_optional_on_a_weekend(tmp_path):
    project = new_project(tmp_path, overlays=("culture",))
    (project.content_dir / "data" / "academic-calendar.yml").write_text(CALENDAR, encoding="utf-8")
    assert errors_of(project) == []
    set_front(project, "culture/excursions/museum.md", date="2027-05-20")  # a Thursday in the exams
    errors = errors_of(project)
    assert len(errors) == 3 and all("in the summer examination session" in e and "optional: true" in e for e in errors)
    set_front(project, "culture/excursions/museum.md", date="2027-05-30", optional="true")  # a Sunday, optional
    assert errors_of(project) == []
    set_front(project, "culture/excursions/museum.md", date="2027-07-10")
    assert all("in no period of the academic calendar" in e for e in errors_of(project))


def test_event_status_is_required_and_the_same_in_every_language(tmp_path):
    project = new_project(tmp_path, overlays=("culture",))
    page = project.content_dir / "ru" / "culture/days/korean.md"
    page.write_text(page.read_text(encoding="utf-8").replace("status: planned", "status: tentative"), encoding="utf-8")
    errors = errors_of(project)
    assert any(e.startswith("content/ru/culture/days/korean.md:") and "'status' must be 'planned'" in e for e in errors)
    page.write_text(
        page.read_text(encoding="utf-8").replace("status: tentative", "status: confirmed"), encoding="utf-8"
    )
    assert any("'status' is confirmed here but planned" in e for e in errors_of(project))


def test_prose_that_restates_the_schedule_is_reported(tmp_path):
    project = new_project(tmp_path, overlays=("culture",))
    for lang, sentence in (
        ("kk", "Кездесу 2027 жылғы 18 ақпанда, 15:00-де басталады."),
        ("ru", "Встреча 18 февраля, с 15:00 до 17:00."),
        ("en", "Join us on Thursday, 18 February 2027, 15:00–17:00."),
    ):
        page = project.content_dir / lang / "culture/days/korean.md"
        page.write_text(page.read_text(encoding="utf-8") + f"\n{sentence}\n", encoding="utf-8")
    errors = errors_of(project)
    for lang in LANGS:
        mine = [e for e in errors if e.startswith(f"content/{lang}/")]
        assert any("restates the event's date (2027-02-18)" in e for e in mine), mine
        assert any("restates the event's time (15:00)" in e for e in mine), mine
    assert any("restates the event's time (17:00)" in e for e in errors if e.startswith("content/en/"))
    page = project.content_dir / "kk" / "culture/days/korean.md"
    page.write_text(page.read_text(encoding="utf-8").replace("```event\n```\n", ""), encoding="utf-8")
    assert any(e.startswith("content/kk/") and "one ```event block (found 0)" in e for e in errors_of(project))
