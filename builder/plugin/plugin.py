"""mkdocs plugin: per-language settings, navigation from content/nav.yml, drafts, language switcher.

static-i18n decides which language a build is for; this plugin reads that choice and then sets the
interface language, the search settings and the navigation titles of that language, and links the
switcher to the same page in the other languages (the trees mirror each other, a checked contract).
"""
from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page as MkPage

from builder.content import Content, NavEntry, load_content
from builder.courses import assessed_questions
from builder.errors import ErrorReport
from builder.languages import DEFAULT_LANGUAGE, LANGUAGES
from builder.plugin.assets import compact_search_index, prune_search_languages
from builder.plugin.config import PortalPluginConfig
from builder.plugin.calendars import write_calendars
from builder.plugin.markup import mend_page
from builder.plugin.offline import strip_remote_loaders

SEARCH_PLUGIN_NAMES = ("material/search", "search")
QUIZ_EXTENSION = "builder.quiz.extension"
BLOCKS_EXTENSION = "builder.blocks.context"


class PortalPlugin(BasePlugin[PortalPluginConfig]):
    content: Content | None = None
    drafts: set[str] = set()
    portal_url: str | None = None  # the public address of the whole portal (site_url of the default language)
    lang: str = DEFAULT_LANGUAGE.code

    # Runs before the search plugin's on_config (priority 0), which freezes the search settings.
    @event_priority(10)
    def on_config(self, config):
        self.lang = self.build_language(config)
        settings = self.config.languages.get(self.lang)
        if settings is None:
            raise PluginError(f"mkdocs.yml: plugin 'crossdialogue' has no settings for language '{self.lang}'")
        config.site_name = settings.site_name
        # each language is a site of its own, in its folder of the portal: canonical links and the
        # sitemap need that folder in the public address
        self.portal_url = config.site_url or None
        prefix = next(lang.url_prefix for lang in LANGUAGES if lang.code == self.lang)
        if config.site_url and prefix:
            config.site_url = config.site_url.rstrip("/") + "/" + prefix
        config.site_description = settings.site_description or config.site_description
        config.theme["language"] = self.lang
        # a course's graded questions are answered in the LMS only: the public pages withhold them
        config.mdx_configs.setdefault(QUIZ_EXTENSION, {}).update(
            lang=self.lang, assessed=assessed_questions(Path(config.docs_dir), self.lang))
        config.mdx_configs.setdefault(BLOCKS_EXTENSION, {}).update(lang=self.lang, content_dir=config.docs_dir)
        for name in SEARCH_PLUGIN_NAMES:
            search = config.plugins.get(name)
            if search is not None:
                search.config.lang = list(settings.search_lang)
                search.config.pipeline = list(settings.search_pipeline)
                search.config.separator = settings.search_separator
        report = ErrorReport(Path(config.config_file_path or ".").parent)
        # this build's language only: `builder check` has checked all of them before
        self.content = load_content(Path(config.docs_dir), report, (self.lang,))
        if report:
            raise PluginError("content errors (run `builder check`):\n" + "\n".join(map(str, report.sorted())))
        config.nav = self.mkdocs_nav(self.content.nav)
        self.drafts = {page.path for page in self.content.pages.get(self.lang, {}).values() if page.draft}
        self.content = None  # the navigation and the drafts are all this build needs of it
        return config

    @staticmethod
    def build_language(config) -> str:
        """The language static-i18n builds: the one of `build_only_locale`, else its default."""
        i18n = config.plugins.get("i18n")
        if i18n is None:
            return DEFAULT_LANGUAGE.code
        if getattr(i18n, "current_language", None):
            return i18n.current_language
        if i18n.config.build_only_locale:
            return i18n.config.build_only_locale
        return next((lang.locale for lang in i18n.config.languages if lang.default), DEFAULT_LANGUAGE.code)

    def mkdocs_nav(self, entries: list[NavEntry]) -> list:
        """nav.yml is language-neutral; titles come from the front matter of this language."""
        nav = []
        for entry in entries:
            if entry.is_section:
                index = self.content.page(self.lang, entry.path + "index.md")
                children = self.mkdocs_nav(entry.children)
                if children:
                    title = index.title if index else entry.path.rstrip("/")
                    nav.append({title: children})
                continue
            page = self.content.page(self.lang, entry.path)
            if page is not None and not page.draft:
                nav.append({page.title: entry.path})
        return nav

    @event_priority(-110)
    def on_files(self, files: Files, config):
        for file in list(files):
            if file.is_documentation_page() and file.src_uri in self.drafts:
                files.remove(file)
        return files

    def on_page_markdown(self, markdown: str, page: MkPage, config, files):
        # mkdocs makes each page's Markdown converter from mdx_configs right after this event
        # static-i18n has moved the page into its language's folder by now: the path within it
        config.mdx_configs.setdefault(BLOCKS_EXTENSION, {})["page"] = page.file.src_uri.removeprefix(f"{self.lang}/")
        return markdown

    def on_page_context(self, context, page: MkPage, config, nav):
        # theme/partials/alternate.html prints these links as they are: relative to the page.
        config.extra["alternate"] = [
            {"name": lang.name, "lang": lang.code, "link": self.alternate_link(page, lang)}
            for lang in LANGUAGES
        ]
        return context

    def on_post_page(self, output: str, page: MkPage, config) -> str:
        return mend_page(output)

    def on_post_template(self, output_content: str, template_name: str, config) -> str:
        # 404.html is rendered from a template, not a page
        return mend_page(output_content) if template_name.endswith(".html") else output_content

    def alternate_link(self, page: MkPage, target) -> str:
        """The same page in the target language, as a link relative to the page.

        Each language is built as its own site; the default language sits at the portal root and
        the others in folders beside it, so relative links work on any host, sub-path or file://.
        """
        current = next(lang for lang in LANGUAGES if lang.code == self.lang)
        depth = page.url.count("/") + current.url_prefix.count("/")
        return ("../" * depth + target.url_prefix + page.url) or "./"

    # After static-i18n's on_post_build (priority -100), which rewrites the search index.
    @event_priority(-110)
    def on_post_build(self, config):
        site_dir = Path(config.site_dir)
        write_calendars(Path(config.docs_dir), site_dir, self.lang, config.site_name, self.portal_url)
        prune_search_languages(site_dir, self.config.languages[self.lang].search_lang)
        compact_search_index(site_dir)
        strip_remote_loaders(site_dir)
