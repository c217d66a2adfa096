"""The house keeps its layers: imports flow one way, scorm/ knows nothing of builder, mkdocs one corner."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from builder.model.languages import LANGUAGE_CODES
from conftest import REPO

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def run_contracts(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=root, capture_output=True, text=True, timeout=300)


def test_every_layer_contract_is_kept():
    result = run_contracts(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


def test_the_contracts_catch_an_import_against_the_flow(tmp_path):
    copy = tmp_path / "repo"
    shutil.copytree(REPO / "builder", copy / "builder", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "scorm", copy / "scorm", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", copy / "pyproject.toml")
    model = copy / "builder" / "model" / "content.py"
    model.write_text(
        model.read_text(encoding="utf-8") + "\nfrom builder.pipeline import build  # noqa\n", encoding="utf-8"
    )
    result = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=copy,
        capture_output=True,
        text=True,
        timeout=300,
        env={"PYTHONPATH": str(copy), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode != 0
    assert "builder.model is not allowed to import builder.pipeline" in result.stdout


def test_the_languages_are_listed_once():
    from mkdocs.utils.yaml import yaml_load  # the test reads the file as mkdocs does

    config = yaml_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    plugins = {
        name: settings for entry in config["plugins"] if isinstance(entry, dict) for name, settings in entry.items()
    }
    assert "languages" not in plugins["i18n"]  # static-i18n's list comes from builder/model/languages.py
    assert list(plugins["crossdialogue"]["languages"]) == list(LANGUAGE_CODES)  # settings, checked by the plugin
