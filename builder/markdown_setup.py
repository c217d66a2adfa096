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


def make_markdown(config_file: Path, lang: str | None = None, content_dir: Path | None = None) -> markdown.Markdown:
    """A Markdown converter as mkdocs builds it; lang and content_dir as the plugin sets them per build."""
    names, configs = extension_settings(str(config_file))
    configs = {name: dict(value) for name, value in configs.items()}
    if lang:
        configs.setdefault("builder.quiz.extension", {})["lang"] = lang
        configs.setdefault("builder.blocks.context", {})["lang"] = lang
    configs.setdefault("builder.blocks.context", {})["content_dir"] = str(content_dir or config_file.parent / "content")
    return markdown.Markdown(extensions=names, extension_configs=configs)
