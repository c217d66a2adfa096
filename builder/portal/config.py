"""The portal's configuration (mkdocs.yml): read here only, validated by mkdocs' own schema.

The language list is not repeated in mkdocs.yml: static-i18n's languages come from
builder/model/languages.py, and the crossdialogue plugin's per-language settings must name exactly
those languages. From the same configuration the rest of the builder receives plain data: the Markdown
dialect and each language's site name.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from builder.markdown.dialect import Dialect
from builder.model.languages import LANGUAGES

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

I18N = "i18n"
PORTAL_PLUGIN = "crossdialogue"


@dataclass(frozen=True)
class PortalSettings:
    dialect: Dialect
    site_names: dict[str, str]  # lang -> the portal's name in that language


def plugin_entries(config_file: Path, lang: str | None, model_file: Path | None) -> list:
    """mkdocs.yml's plugins with static-i18n's languages (and the language built) and the model file set."""
    from mkdocs.utils.yaml import yaml_load

    with open(config_file, encoding="utf-8") as handle:
        raw = yaml_load(handle) or {}
    plugins = []
    for entry in raw.get("plugins", []):
        name, settings = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        settings = dict(settings or {})
        if name == I18N:
            settings["languages"] = [
                {"locale": language.code, "name": language.name, "default": language.default, "build": True}
                for language in LANGUAGES
            ]
            if lang:
                settings["build_only_locale"] = lang
        elif name == PORTAL_PLUGIN and model_file is not None:
            settings["model_file"] = str(model_file)
        plugins.append({name: settings})
    return plugins


def load_site_config(
    config_file: Path,
    lang: str | None = None,
    site_dir: Path | None = None,
    site_url: str | None = None,
    model_file: Path | None = None,
):
    """mkdocs' validated configuration of one language's build (or of the portal as a whole)."""
    from mkdocs.config import load_config

    overrides = {"plugins": plugin_entries(config_file, lang, model_file)}
    if site_dir is not None:
        overrides["site_dir"] = str(site_dir)
    if site_url is not None:
        overrides["site_url"] = site_url
    return load_config(config_file=str(config_file), **overrides)


def portal_settings(config_file: Path) -> PortalSettings:
    config = load_site_config(config_file)
    dialect = Dialect(
        tuple(config["markdown_extensions"]),
        {name: dict(value) for name, value in (config["mdx_configs"] or {}).items()},
    )
    languages = config.plugins[PORTAL_PLUGIN].config.languages
    return PortalSettings(dialect, {code: str(settings.site_name) for code, settings in languages.items()})
