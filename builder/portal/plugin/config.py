"""Configuration schema of the crossdialogue mkdocs plugin."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config

# Split words on white space and punctuation, Cyrillic quotes and dashes included.
DEFAULT_SEARCH_SEPARATOR = r"[\s\-–—,:;.!?()\[\]{}\"'«»“”„…/\\|]+"


class LanguageSettings(Config):
    site_name = opt.Type(str)
    site_description = opt.Type(str, default="")
    search_separator = opt.Type(str, default=DEFAULT_SEARCH_SEPARATOR)


class PortalPluginConfig(Config):
    languages = opt.DictOfItems(opt.SubConfig(LanguageSettings))  # exactly the languages of builder/model/languages.py
    # one language's part of the checked model, written by `builder build` (builder/markdown/language_model.py)
    model_file = opt.Type(str, default="")
