"""mkdocs plugin: per-language settings, navigation from content/nav.yml, drafts, language switcher.

static-i18n decides which language a build is for; this plugin reads that choice and then sets the
interface language, the search settings and the navigation titles of that language, and links the
switcher to the same page in the other languages (the trees mirror each other, a checked contract).
"""

from __future__ import annotations

from pathlib import Path

from babel.numbers import get_decimal_symbol
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page as MkPage

from builder.markdown.dialect import BLOCKS_EXTENSION, Dialect, dialect_configs
from builder.markdown.language_model import LanguageModel
from builder.model.catalog import strings
from builder.model.content import NavEntry
from builder.model.languages import DEFAULT_LANGUAGE, LANGUAGE_CODES, LANGUAGES, language
from builder.portal.file_scheme import FILE_SCHEME_SHIM
from builder.portal.finish import finish_site
from builder.portal.plugin.config import PortalPluginConfig
from builder.portal.web_app import portal_colours

SEARCH_PLUGIN_NAMES = ("material/search", "search")


class PortalPlugin(BasePlugin[PortalPluginConfig]):
    model: LanguageModel | None = None
    drafts: set[str] = set()
    portal_url: str | None = None  # the public address of the whole portal (site_url of the default language)
    lang: str = DEFAULT_LANGUAGE.code

    # Runs before the search plugin's on_config (priority 0), which freezes the search settings.
    @event_priority(10)
    def on_config(self, config):
        self.lang = self.build_language(config)
        if set(self.config.languages) != set(LANGUAGE_CODES):
            raise PluginError(
                f"mkdocs.yml: plugin 'crossdialogue' must give settings for exactly the languages "
                f"{', '.join(LANGUAGE_CODES)} (builder/model/languages.py); it has "
                f"{', '.join(self.config.languages) or 'none'}"
            )
        if not self.config.model_file:
            raise PluginError(
                "the portal is built by `builder build`, which hands each language its checked model "
                "(plugin 'crossdialogue', model_file); run that instead of mkdocs"
            )
        self.model = LanguageModel.read(Path(self.config.model_file))
        settings = self.config.languages[self.lang]
        config.site_name = settings.site_name
        # each language is a site of its own, in its folder of the portal: canonical links and the
        # sitemap need that folder in the public address
        self.portal_url = config.site_url or None
        prefix = language(self.lang).url_prefix
        if config.site_url and prefix:
            config.site_url = config.site_url.rstrip("/") + "/" + prefix
        config.site_description = settings.site_description or config.site_description
        config.theme["language"] = self.lang
        # a course's graded questions are answered in the LMS only: the public pages withhold them
        config.mdx_configs.update(
            dialect_configs(Dialect(configs=config.mdx_configs), self.lang, self.model, assessed=self.model.assessed)
        )
        for name in SEARCH_PLUGIN_NAMES:
            search = config.plugins.get(name)
            if search is not None:
                # read by the portal's search worker (theme/assets/search/worker.js), which stems
                # each language itself; Material's pipeline setting is not used
                search.config.lang = [self.lang]
                search.config.pipeline = []
                search.config.separator = settings.search_separator
        config.nav = self.mkdocs_nav(list(self.model.nav))
        # the offline status in the footer (theme/partials/offline.html, theme/assets/offline.js)
        config.extra["offline"] = strings(self.lang, "offline") | {"decimal": get_decimal_symbol(self.lang)}
        config.extra["theme_colour"] = portal_colours(Path(config.theme.custom_dir) / "assets" / "portal.css")[0]
        # search from file:// (theme/main.html): the shim scripts/setup.sh copies from npm, if it did
        config.extra["file_scheme_shim"] = (Path(config.theme.custom_dir) / FILE_SCHEME_SHIM).is_file()
        self.drafts = {path for path, page in self.model.pages.items() if page.draft}
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
                index = self.model.pages.get(entry.path + "index.md")
                children = self.mkdocs_nav(entry.children)
                if children:
                    title = index.title if index else entry.path.rstrip("/")
                    nav.append({title: children})
                continue
            page = self.model.pages.get(entry.path)
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
        config.mdx_configs[BLOCKS_EXTENSION]["page"] = page.file.src_uri.removeprefix(f"{self.lang}/")
        return markdown

    def on_page_context(self, context, page: MkPage, config, nav):
        # theme/partials/alternate.html prints these links as they are: relative to the page.
        config.extra["alternate"] = [
            {"name": lang.name, "lang": lang.code, "link": self.alternate_link(page, lang)} for lang in LANGUAGES
        ]
        context["translation_notice"] = self.translation_notice(page)
        return context

    def translation_notice(self, page: MkPage) -> dict | None:
        """What theme/partials/translation-notice.html shows on a translation behind its Kazakh page."""
        facts = self.model.pages.get(page.file.src_uri.removeprefix(f"{self.lang}/"))
        if facts is None or not facts.translation_lag:
            return None
        texts = strings(self.lang, "translation")
        return {
            "title": texts["title"],
            "text": texts[facts.translation_lag],
            "link": self.alternate_link(page, DEFAULT_LANGUAGE),
            "link_text": texts["original"],
            "original_lang": DEFAULT_LANGUAGE.code,
        }

    def alternate_link(self, page: MkPage, target) -> str:
        """The same page in the target language, as a link relative to the page.

        Each language is built as its own site; the default language sits at the portal root and
        the others in folders beside it, so relative links work on any host, sub-path or file://.
        """
        return (language(self.lang).up_to_portal_root(page.url.count("/")) + target.url_prefix + page.url) or "./"

    # After static-i18n's on_post_build (priority -100), which rewrites the search index.
    @event_priority(-110)
    def on_post_build(self, config):
        finish_site(Path(config.site_dir), self.lang)
