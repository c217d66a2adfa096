"""Python-Markdown extension: ```quiz blocks become accessible quizzes, ```quiz-progress the progress table.

Used through pymdownx.superfences' custom fences (so quizzes work inside admonitions and tabs):

    markdown_extensions:
      - builder.markdown.quiz.extension:
          lang: kk
      - pymdownx.superfences:
          custom_fences:
            - {name: quiz, class: quiz, format: !!python/name:builder.markdown.quiz.extension.format_quiz}
            - {name: quiz-progress, class: quiz-progress,
               format: !!python/name:builder.markdown.quiz.extension.format_progress}

After a conversion, `md.quizzes` holds the structured quizzes of the page, for outputs that need
the data (never scrape the HTML).
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from xml.etree import ElementTree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from builder.markdown.quiz.html import render_progress, render_quiz, render_summary, render_withheld
from builder.markdown.quiz.strings import strings
from builder.model.languages import DEFAULT_LANGUAGE
from builder.model.quiz.model import QuizBlock, parse_quiz


class QuizExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "lang": [DEFAULT_LANGUAGE.code, "language of the interface strings: kk, ru or en"],
            "reveal": [True, "render the no-JavaScript answer reveal (off for graded assessments)"],
            "summary": [True, "append the per-page self-check summary after the last quiz"],
            "assessed": [
                {},
                "quiz id -> title of the course whose final assessment it belongs to: such "
                "questions are withheld (public editions must not show their answers)",
            ],
            "sealed": [[], "quiz ids whose feedback is sealed until answered (a package's graded questions)"],
        }
        super().__init__(**kwargs)
        self.md: Markdown | None = None

    def extendMarkdown(self, md: Markdown) -> None:
        self.md = md
        md.registerExtension(self)
        md.quiz_settings = self.getConfigs()
        md.quizzes = []
        md.withheld = []
        # Quizzes are rendered by superfences before the tree is built; by now md.quizzes is known.
        md.treeprocessors.register(SummaryTreeprocessor(md), "ccd-quiz-summary", 0)

    def reset(self) -> None:
        if self.md is not None:
            self.md.quizzes = []
            self.md.withheld = []


class SummaryTreeprocessor(Treeprocessor):
    """Appends the page's self-check summary after its last quiz."""

    def run(self, root: ElementTree.Element) -> None:
        settings = getattr(self.md, "quiz_settings", None)
        if not settings:
            return
        labels = strings(settings["lang"])
        if self.md.quizzes and settings["summary"]:
            placeholder = ElementTree.SubElement(root, "p")
            placeholder.text = self.md.htmlStash.store(render_summary(len(self.md.quizzes), labels))
        withheld = getattr(self.md, "withheld", [])
        for course in sorted(set(withheld)):
            placeholder = ElementTree.SubElement(root, "p")
            placeholder.text = self.md.htmlStash.store(render_withheld(withheld.count(course), course, labels))


def settings_of(md: Markdown | None) -> dict:
    return getattr(md, "quiz_settings", None) or {
        "lang": DEFAULT_LANGUAGE.code,
        "reveal": True,
        "summary": True,
        "assessed": {},
    }


def format_quiz(source: str, language: str, css_class: str, options: dict, md: Markdown, **kwargs) -> str:
    settings = settings_of(md)
    quiz, problems = parse_quiz(QuizBlock(0, source), Path("<page>"), settings["lang"])
    if quiz is None:
        # `builder check` refuses such content before a build; this only shows up in a bare render.
        items = "".join(f"<li>{escape(message)}</li>" for _, message, _ in problems)
        return f'<div class="admonition failure"><p class="admonition-title">quiz</p><ul>{items}</ul></div>'
    course = (settings.get("assessed") or {}).get(quiz.id)
    if course is not None:
        # a graded question: nothing of it in a public page, not even hashes or feedback
        if hasattr(md, "withheld"):
            md.withheld.append(course)
        return ""
    if hasattr(md, "quizzes"):
        md.quizzes.append(quiz)
    return render_quiz(
        quiz, strings(settings["lang"]), reveal=settings["reveal"], sealed=quiz.id in (settings.get("sealed") or ())
    )


def format_progress(source: str, language: str, css_class: str, options: dict, md: Markdown, **kwargs) -> str:
    return render_progress(strings(settings_of(md)["lang"]))


def makeExtension(**kwargs) -> QuizExtension:  # noqa: N802 (Python-Markdown's entry point name)
    return QuizExtension(**kwargs)
