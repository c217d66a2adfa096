"""Python-Markdown extension that gives the data blocks their context: language and content folder.

    markdown_extensions:
      - builder.blocks.context:
          lang: kk                # set per build by the crossdialogue plugin
          content_dir: content    # relative to the current folder, or absolute
          page: ""                # the page being rendered (path in its language), set per page
"""
from __future__ import annotations

from pathlib import Path

from markdown import Extension, Markdown

from builder.data import SiteData, load_site_data
from builder.errors import ErrorReport
from builder.languages import DEFAULT_LANGUAGE


class BlockContext:
    def __init__(self, lang: str, content_dir: str, page: str = ""):
        self.lang = lang
        self.page = page
        self.content_dir = Path(content_dir).resolve()
        self._data: SiteData | None = None

    @property
    def data(self) -> SiteData:
        # Loaded on first use: only a few pages hold data blocks.
        if self._data is None:
            self._data = load_site_data(self.content_dir, ErrorReport(self.content_dir.parent))
        return self._data


class BlockContextExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "lang": [DEFAULT_LANGUAGE.code, "language of the page"],
            "content_dir": ["content", "the content folder"],
            "page": ["", "the page being rendered, as a path in its language folder (for ```event blocks)"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.ccd_context = BlockContext(self.getConfig("lang"), self.getConfig("content_dir"), self.getConfig("page"))


def context_of(md: Markdown | None) -> BlockContext:
    return getattr(md, "ccd_context", None) or BlockContext(DEFAULT_LANGUAGE.code, "content")


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
