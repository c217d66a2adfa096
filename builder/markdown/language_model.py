"""One language's part of the checked model: everything a page render needs beyond the page itself.

The pipeline makes it from the frozen model and hands it to every renderer — the data blocks, the quiz
extension, the portal's plugin. The portal builds each language in a worker process, so the model
travels as one file written into the staging folder and named in the plugin's config: nothing on the
rendering side reads content/ again.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field
from pathlib import Path

from builder.model.content import Content, NavEntry
from builder.model.data import SiteData
from builder.model.events import EVENT_KINDS, Event, event_kind, section_events
from builder.model.translations import lagging


@dataclass(frozen=True)
class PageFacts:
    title: str
    draft: bool
    meta: dict  # the front matter (an event page's schedule fields)
    # a translation behind its Kazakh page: translations.OUTDATED or UNMARKED (the portal shows a notice)
    translation_lag: str | None = None


@dataclass(frozen=True)
class Downloads:
    """The files of this build the portal offers: the entries of dist/'s scorm, moodle and print indexes
    (print.json for the PDFs, epub.json for the e-books)."""

    packages: tuple = ()
    banks: tuple = ()
    editions: tuple = ()
    ebooks: tuple = ()


@dataclass(frozen=True)
class LanguageModel:
    lang: str
    nav: tuple[NavEntry, ...] = ()
    pages: dict[str, PageFacts] = field(default_factory=dict)  # path -> facts
    events: dict[str, tuple[Event, ...]] = field(default_factory=dict)  # section -> events in time order
    data: SiteData = field(default_factory=SiteData)
    assessed: dict[str, str] = field(default_factory=dict)  # graded quiz id -> its course's title
    downloads: Downloads = field(default_factory=Downloads)

    def event_meta(self, path: str) -> dict | None:
        facts = self.pages.get(path)
        return facts.meta if facts is not None and event_kind(path) else None

    def write(self, target: Path) -> Path:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pickle.dumps(self, protocol=pickle.HIGHEST_PROTOCOL))
        return target

    @staticmethod
    def read(source: Path) -> LanguageModel:
        return pickle.loads(Path(source).read_bytes())


def language_model(content: Content, lang: str, downloads: Downloads | None = None) -> LanguageModel:
    lags = {state.path: state.lag for state in lagging(content) if state.lang == lang}
    pages = {
        path: PageFacts(page.title, page.draft, dict(page.meta), lags.get(path))
        for path, page in content.pages.get(lang, {}).items()
    }
    assessed = {quiz_id: course.title.get(lang, course.id) for course in content.courses for quiz_id in course.graded}
    events = {kind.section: tuple(section_events(content, lang, kind.section)) for kind in EVENT_KINDS}
    return LanguageModel(
        lang, tuple(content.nav), pages, events, content.data or SiteData(), assessed, downloads or Downloads()
    )
