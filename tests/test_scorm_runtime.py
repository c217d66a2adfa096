"""Course packages in a real SCORM runtime (scorm-again) in Chromium: pass, fail, resume, failed commit,
language choice, standalone mode — for SCORM 1.2 and SCORM 2004."""

from __future__ import annotations

import json
import re

import pytest

from builder.outputs.coursebook import render_course
from builder.outputs.packages import engine_files
from conftest import REPO, dialect_of, serve_folder
from quiz_driver import fill, right_response, wrong_response
from scorm.package import write_package
from scorm_lms import cmi, course_frame, install_lms, launch_url, unpack

pytestmark = pytest.mark.browser
VERSIONS = ["1.2", "2004"]


@pytest.fixture(scope="module")
def lms(tmp_path_factory, content):
    """Packages of the textbook course (Kazakh, and all three languages), unpacked beside a test LMS."""
    root = tmp_path_factory.mktemp("lms")
    course = next(c for c in content.courses if c.id == "textbook")
    engine = engine_files(REPO / "theme")
    rendered = {
        lang: render_course(course, content, dialect_of(REPO / "mkdocs.yml"), lang) for lang in ("kk", "ru", "en")
    }
    launches = {}
    for version in VERSIONS:
        for tag, courses in (("kk", [rendered["kk"]]), ("mul", list(rendered.values()))):
            package = write_package(root / f"textbook-{tag}-{version}.zip", courses, version, engine)
            folder = f"pkg-{tag}-{version}"
            launches[(tag, version)] = f"{folder}/{unpack(package, root / folder)}"
    for lang in ("en", "ru", "kk"):
        install_lms(root, lang)
    server = serve_folder(root)
    yield {
        "base": f"http://127.0.0.1:{server.server_address[1]}/",
        "launch": launches,
        "course": course,
        "rendered": rendered,
        "root": root,
    }
    server.shutdown()


def open_course(page, lms, version: str, tag: str = "kk", lms_page: str = "lms-en.html", **extra):
    """Launch a package from its manifest's href in the test LMS; returns the course frame."""
    page.goto(launch_url(lms["base"], lms_page, version, lms["launch"][(tag, version)], **extra))
    return course_frame(page)


def children(collection) -> list:
    """scorm-again serialises a CMI array as {"0": {...}, "1": {...}}."""
    return [collection[key] for key in sorted(collection, key=int)]


def graded_quizzes(content, course, lang="kk"):
    return [q for path in course.pages for q in content.page_quizzes.get((lang, path), []) if q.id in course.graded]


def answer_graded(frame, quizzes, right: bool, player_lang="kk"):
    for quiz in quizzes:
        page_index = frame.locator(f"form[data-quiz='{quiz.id}']").first
        form = frame.locator(f"section:not([hidden]) form[data-quiz='{quiz.id}']")
        if form.count() == 0:  # go to the quiz's page through the table of contents
            section = page_index.locator("xpath=ancestor::section").get_attribute("id")
            index = int(section.split("-p")[1]) - 1
            frame.locator(f".ccd-toc div[data-ui-lang='{player_lang}'] a[data-index='{index}']").click()
            form = frame.locator(f"section:not([hidden]) form[data-quiz='{quiz.id}']")
        fill(form, quiz, right_response(quiz) if right else wrong_response(quiz))
        form.locator(".ccd-quiz__check").click()


@pytest.mark.parametrize("version", VERSIONS)
def test_right_answers_pass_with_the_score_and_every_interaction(page, lms, content, version):
    frame = open_course(page, lms, version)
    quizzes = graded_quizzes(content, lms["course"])
    answer_graded(frame, quizzes, right=True)
    data = cmi(page)
    if version == "1.2":
        assert data["core"]["lesson_status"] == "passed"
        assert data["core"]["score"]["raw"] == "100"
        assert (data["core"]["score"]["min"], data["core"]["score"]["max"]) == ("0", "100")
        interactions = children(data["interactions"])
        assert [i["id"] for i in interactions] == [q.id for q in quizzes]
        assert all(i["result"] == "correct" for i in interactions)
    else:
        assert (data["completion_status"], data["success_status"]) == ("completed", "passed")
        assert data["score"]["raw"] == "100" and float(data["score"]["scaled"]) == 1.0
        interactions = children(data["interactions"])
        assert [i["id"] for i in interactions] == [q.id for q in quizzes]
        assert all(i["result"] == "correct" and children(i["correct_responses"]) for i in interactions)
        assert all(i["description"] for i in interactions)
    assert page.evaluate("window.lms.commits") >= len(quizzes)


@pytest.mark.parametrize("version", VERSIONS)
def test_wrong_answers_fail_with_their_score(page, lms, content, version):
    frame = open_course(page, lms, version)
    quizzes = graded_quizzes(content, lms["course"])
    answer_graded(frame, quizzes[:2], right=True)
    answer_graded(frame, quizzes[2:], right=False)
    data = cmi(page)
    expected = str(round(2 / len(quizzes) * 100))
    if version == "1.2":
        assert (data["core"]["lesson_status"], data["core"]["score"]["raw"]) == ("failed", expected)
        results = [i["result"] for i in children(data["interactions"])]
        assert results == ["correct", "correct"] + ["wrong"] * (len(quizzes) - 2)
    else:
        assert (data["completion_status"], data["success_status"], data["score"]["raw"]) == (
            "completed",
            "failed",
            expected,
        )
        assert [i["result"] for i in children(data["interactions"])][2:] == ["incorrect"] * (len(quizzes) - 2)


def resume_data(version: str, data: dict) -> dict:
    """What an LMS hands back on the next launch."""
    if version == "1.2":
        return {
            "suspend_data": data["suspend_data"],
            "core": {
                "lesson_location": data["core"]["lesson_location"],
                "lesson_status": data["core"]["lesson_status"],
            },
        }
    return {
        "suspend_data": data["suspend_data"],
        "location": data["location"],
        "completion_status": data["completion_status"],
    }


@pytest.mark.parametrize("version", VERSIONS)
def test_leave_mid_course_and_come_back_to_the_same_page_with_answers_kept(page, lms, content, version):
    frame = open_course(page, lms, version)
    quizzes = graded_quizzes(content, lms["course"])
    answer_graded(frame, quizzes[:3], right=True)
    frame.locator(".ccd-nav:not([hidden]) .ccd-next").click()
    shown = frame.locator("section.ccd-page:not([hidden])").get_attribute("id")
    commits = page.evaluate("window.lms.commits")
    # the learner closes the course: the frame goes away, pagehide commits and finishes
    page.evaluate("document.querySelector('iframe').src = 'about:blank'")
    page.wait_for_function(f"window.lms.commits > {commits}")
    saved = cmi(page)
    if version == "1.2":
        assert saved["core"]["exit"] == "suspend" and saved["core"]["lesson_location"] == shown
        assert re.fullmatch(r"\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?", saved["core"]["session_time"])
        assert saved["core"]["lesson_status"] == "incomplete"
    else:
        assert saved["exit"] == "suspend" and saved["location"] == shown
        assert re.fullmatch(r"PT(\d+H)?(\d+M)?(\d+(\.\d+)?S)?", saved["session_time"])
        assert saved["completion_status"] == "incomplete"
    assert len(saved["suspend_data"]) < 4096

    frame = open_course(page, lms, version, data=resume_data(version, saved))
    assert frame.locator("section.ccd-page:not([hidden])").get_attribute("id") == shown
    for quiz in quizzes[:3]:
        assert "ccd-quiz--right" in frame.locator(f"form[data-quiz='{quiz.id}']").get_attribute("class")
    assert "ccd-quiz--" not in frame.locator(f"form[data-quiz='{quizzes[3].id}']").get_attribute("class")


class CommitRecorder:
    """An LMS back end on loopback that refuses the first commit and records the others."""

    def __init__(self, root):
        import functools
        import http.server
        import threading

        recorder = self
        self.bodies: list[dict] = []
        self.refused = 0

        class Handler(http.server.SimpleHTTPRequestHandler):
            def log_message(self, format, *args):  # noqa: A002
                pass

            def do_POST(self):  # noqa: N802 - the standard library's name
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if recorder.refused == 0:
                    recorder.refused += 1
                    self.send_response(500)
                    self.end_headers()
                    return
                recorder.bodies.append(json.loads(body or b"{}"))
                reply = b'{"result": true, "errorCode": 0}'
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(root)))
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}/"


@pytest.mark.parametrize("version", VERSIONS)
def test_a_commit_that_fails_once_loses_nothing(page, lms, content, tmp_path_factory, version):
    root = lms["root"]
    recorder = CommitRecorder(root)
    try:
        page.goto(
            launch_url(
                recorder.base, "lms-en.html", version, lms["launch"][("kk", version)], commit=recorder.base + "commit"
            )
        )
        frame = course_frame(page)
        quizzes = graded_quizzes(content, lms["course"])
        answer_graded(frame, quizzes[:1], right=True)  # the first commits: the very first is refused
        assert recorder.refused == 1
        answer_graded(frame, quizzes[1:2], right=True)
        sent = json.dumps(recorder.bodies[-1], ensure_ascii=False)
        assert quizzes[0].id in sent and quizzes[1].id in sent  # the refused answer arrived with the next commit
    finally:
        recorder.server.shutdown()


@pytest.mark.parametrize("version", VERSIONS)
def test_language_from_the_learner_preference_then_the_lms_page(page, lms, version):
    frame = open_course(page, lms, version, "mul", learnerLang="ru")
    assert frame.locator("html").get_attribute("lang") == "ru"
    assert frame.locator("section.ccd-page:not([hidden])").get_attribute("data-lang") == "ru"
    frame = open_course(page, lms, version, "mul", "lms-kk.html")  # Moodle leaves the preference empty
    assert frame.locator("html").get_attribute("lang") == "kk"
    frame = open_course(page, lms, version, "mul")
    assert frame.locator("html").get_attribute("lang") == "en"
    frame.locator(".ccd-lang button[data-lang='ru']").click()
    assert frame.locator("section.ccd-page:not([hidden])").get_attribute("data-lang") == "ru"


def test_the_same_interaction_ids_in_every_language(lms):
    ids = {lang: [q.id for q in course.quizzes] for lang, course in lms["rendered"].items()}
    assert ids["kk"] == ids["ru"] == ids["en"]


@pytest.mark.parametrize("version", VERSIONS)
def test_without_an_lms_the_course_runs_standalone_and_says_so(page, lms, content, version):
    frame = open_course(page, lms, version, noapi="1")
    assert frame.locator(".ccd-standalone:visible").count() == 1
    quizzes = graded_quizzes(content, lms["course"])
    answer_graded(frame, quizzes[:1], right=True)
    page.reload()
    frame = course_frame(page)
    assert "ccd-quiz--right" in frame.locator(f"form[data-quiz='{quizzes[0].id}']").get_attribute("class")


def test_suspend_data_of_the_largest_course_fits_scorm_1_2(content):
    """Every quiz answered with its longest plausible response must stay under 4,096 characters."""
    largest = max(content.courses, key=lambda c: len(c.quizzes(content, "kk")))
    quizzes = largest.quizzes(content, "kk")
    state = {"l": "kk", "p": len(largest.pages) - 1, "a": {}}
    for index, quiz in enumerate(quizzes):
        response = right_response(quiz)
        if quiz.type == "text":
            response = max(quiz.answers, key=len) + " " * 3
        if quiz.type == "multiple":
            response = list(range(len(quiz.options)))
        state["a"][str(index)] = [response, 1]
    text = json.dumps(state, ensure_ascii=False, separators=(",", ":"))
    assert len(text) < 4096, (largest.id, len(text))


@pytest.mark.parametrize("version", VERSIONS)
def test_in_a_new_window_the_package_finds_the_api_through_its_opener(page, lms, content, version):
    page.goto(launch_url(lms["base"], "lms-en.html", version, lms["launch"][("kk", version)], window="1"))
    with page.expect_popup() as popup_info:
        page.click("#enter")
    popup = popup_info.value
    popup.wait_for_function("() => window.CCDPlayer")
    assert popup.locator(".ccd-standalone:visible").count() == 0
    quiz = graded_quizzes(content, lms["course"])[0]
    answer_graded(popup, [quiz], right=True)
    data = cmi(page)
    interactions = children(data["interactions"])
    assert [i["id"] for i in interactions] == [quiz.id]
    status = data["core"]["lesson_status"] if version == "1.2" else data["completion_status"]
    assert status == "incomplete"


@pytest.mark.parametrize("version", VERSIONS)
def test_a_passed_course_stays_passed_when_a_retry_goes_worse(page, lms, content, version):
    frame = open_course(page, lms, version)
    quizzes = graded_quizzes(content, lms["course"])
    answer_graded(frame, quizzes, right=True)
    last = frame.locator(f"form[data-quiz='{quizzes[-1].id}']")
    last.locator(".ccd-quiz__retry").click()
    answer_graded(frame, quizzes[-1:], right=False)
    data = cmi(page)
    status = data["core"]["lesson_status"] if version == "1.2" else data["success_status"]
    assert status == "passed"


def moodle_outcome(version: str, data: dict, pass_mark: int) -> tuple[str, str]:
    """(status, grade) as Moodle records the attempt when the learner leaves.

    1.2: Moodle's player turns 'incomplete'/'completed' into passed/failed from score.raw and the
    manifest's mastery score. 2004: a reported raw score is the attempt's grade, and a conformant LMS
    derives success from score.scaled and the scaled passing score.
    """
    if version == "1.2":
        status, raw = data["core"]["lesson_status"], data["core"]["score"]["raw"]
        if status in ("incomplete", "completed") and raw != "":
            status = "passed" if float(raw) >= pass_mark else "failed"
        return status, raw
    raw, scaled, success = data["score"]["raw"], data["score"]["scaled"], data["success_status"]
    if scaled != "":
        success = "passed" if float(scaled) >= pass_mark / 100 else "failed"
    return f"{data['completion_status']}/{success}", raw


@pytest.mark.parametrize("version", VERSIONS)
def test_an_unfinished_attempt_is_incomplete_never_failed(page, lms, content, version):
    frame = open_course(page, lms, version)
    quizzes = graded_quizzes(content, lms["course"])
    answer_graded(frame, quizzes[:3], right=True)
    commits = page.evaluate("window.lms.commits")
    page.evaluate("document.querySelector('iframe').src = 'about:blank'")  # the learner leaves
    page.wait_for_function(f"window.lms.commits > {commits}")
    data = cmi(page)
    status, grade = moodle_outcome(version, data, lms["course"].pass_mark)
    assert status == ("incomplete" if version == "1.2" else "incomplete/unknown")
    assert grade == ""  # no partial score for Moodle to grade
    assert len(children(data["interactions"])) == 3  # every answer is still recorded


@pytest.mark.parametrize("version", VERSIONS)
def test_the_result_is_decided_once_every_graded_question_is_answered(page, lms, content, version):
    frame = open_course(page, lms, version)
    quizzes = graded_quizzes(content, lms["course"])
    answer_graded(frame, quizzes[:-1], right=True)
    status, grade = moodle_outcome(version, cmi(page), lms["course"].pass_mark)
    assert grade == "" and "passed" not in status and "failed" not in status
    answer_graded(frame, quizzes[-1:], right=False)
    expected = str(round((len(quizzes) - 1) / len(quizzes) * 100))
    status, grade = moodle_outcome(version, cmi(page), lms["course"].pass_mark)
    assert (status, grade) == (("passed" if version == "1.2" else "completed/passed"), expected)


def test_graded_feedback_is_sealed_in_the_package_and_shown_after_answering(page, lms, content):
    quizzes = graded_quizzes(content, lms["course"])
    quiz = next(q for q in quizzes if q.type == "single")
    wrong = next(option for option in quiz.options if not option.correct)
    files = "".join(
        path.read_text(encoding="utf-8", errors="replace")
        for path in (lms["root"] / "pkg-kk-2004").rglob("*")
        if path.suffix in (".html", ".js")
    )
    import base64

    payloads = "".join(
        base64.b64decode(encoded).decode("utf-8") for encoded in re.findall(r'data-payload="([^"]+)"', files)
    )
    assert quiz.id.encode() and wrong.feedback not in files and len(payloads) > 1000
    for text in [option.feedback for option in quiz.options] + [quiz.explanation]:
        assert text and text not in payloads  # not readable in the engine's data either
    frame = open_course(page, lms, "2004")
    answer_graded(frame, [quiz], right=False)
    form = frame.locator(f"section:not([hidden]) form[data-quiz='{quiz.id}']")
    shown = (
        form.get_by_label(wrong.text, exact=True).locator("xpath=ancestor::li").locator(".ccd-quiz__option-feedback")
    )
    assert shown.inner_text() == wrong.feedback
    assert quiz.explanation in form.locator(".ccd-quiz__feedback").inner_text()
