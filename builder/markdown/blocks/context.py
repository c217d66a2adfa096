"""Python-Markdown extension that gives the data blocks their context: the language, its part of the
checked model (builder/markdown/language_model.py) and the page being rendered.

    markdown_extensions:
      - builder.markdown.blocks.context:
          lang: kk                # set per build by the crossdialogue plugin
          model: null             # a LanguageModel, set by whoever renders (plugin, packages, print)
          page: ""                # the page being rendered (path in its language), set per page
"""

from __future__ import annotations

from dataclasses import dataclass

from markdown import Extension, Markdown

from builder.markdown.language_model import LanguageModel
from builder.model.data import SiteData
from builder.model.languages import DEFAULT_LANGUAGE


@dataclass(frozen=True)
class BlockContext:
    lang: str
    model: LanguageModel
    page: str = ""

    @property
    def data(self) -> SiteData:
        return self.model.data


class BlockContextExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "lang": [DEFAULT_LANGUAGE.code, "language of the page"],
            # (not None by default: Python-Markdown would read any object given for a None default as a boolean)
            "model": ["", "this language's part of the checked model (a LanguageModel)"],
            "page": ["", "the page being rendered, as a path in its language folder (for ```event blocks)"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        lang = self.getConfig("lang")
        md.ccd_context = BlockContext(lang, self.getConfig("model") or LanguageModel(lang), self.getConfig("page"))


def context_of(md: Markdown | None) -> BlockContext:
    return getattr(md, "ccd_context", None) or BlockContext(DEFAULT_LANGUAGE.code, LanguageModel(DEFAULT_LANGUAGE.code))


def block_options(source: str) -> dict:
    """The 'key: value' lines inside a block."""
    import yaml

    try:
        values = yaml.safe_load(source) or {}
    except yaml.YAMLError:
        return {}
    return values if isinstance(values, dict) else {}


def makeExtension(**kwargs) -> BlockContextExtension:  # noqa: N802 (Python-Markdown's entry point name)
    return BlockContextExtension(**kwargs)
