"""The portal's Markdown dialect — the extensions and their settings — for every renderer.

The portal's configuration names the dialect (the engine corner reads it: builder/portal/config.py);
checks, course packages and print editions convert Markdown with the same dialect, so they see the
same anchors and blocks the portal renders.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

import markdown

QUIZ_EXTENSION = "builder.markdown.quiz.extension"
BLOCKS_EXTENSION = "builder.markdown.blocks.context"


@dataclass(frozen=True)
class Dialect:
    extensions: tuple = ()  # names (or instances) as Python-Markdown takes them
    configs: dict = field(default_factory=dict)  # extension name -> its settings


def dialect_configs(dialect: Dialect, lang: str, model=None, page: str = "", **quiz) -> dict:
    """The settings for one render: the page's language, its part of the model, the page itself."""
    configs = {name: copy.copy(value) for name, value in dialect.configs.items()}
    configs.setdefault(QUIZ_EXTENSION, {}).update(lang=lang, **quiz)
    configs.setdefault(BLOCKS_EXTENSION, {}).update(lang=lang, model=model, page=page)
    return configs


def make_markdown(dialect: Dialect, lang: str, model=None, page: str = "", **quiz) -> markdown.Markdown:
    """A converter as the portal builds it for a page of `lang`; quiz settings (reveal, summary, sealed,
    assessed) override the dialect's."""
    return markdown.Markdown(
        extensions=list(dialect.extensions), extension_configs=dialect_configs(dialect, lang, model, page, **quiz)
    )
