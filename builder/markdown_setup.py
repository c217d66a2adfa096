"""The Markdown dialect of the portal, read from mkdocs.yml so that checks render as mkdocs does."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import markdown


@lru_cache(maxsize=4)
def extension_settings(config_file: str) -> tuple[list[str], dict]:
    from mkdocs.utils.yaml import yaml_load

    with open(config_file, encoding="utf-8") as handle:
        raw = yaml_load(handle) or {}
    names, configs = [], {}
    for item in raw.get("markdown_extensions", []):
        if isinstance(item, dict):
            (name, config), = item.items()
            names.append(name)
            configs[name] = config or {}
        else:
            names.append(item)
    return names, configs


def make_markdown(config_file: Path) -> markdown.Markdown:
    names, configs = extension_settings(str(config_file))
    return markdown.Markdown(extensions=names, extension_configs=configs)
