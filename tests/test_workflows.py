"""CI, publishing and pre-commit: current, pinned and least-privilege."""

from __future__ import annotations

import re

import yaml

from helpers import ROOT

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))


def load(path):
    # YAML reads the key `on` as True.
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def steps(workflow):
    for job in workflow["jobs"].values():
        yield from job.get("steps", [])


def test_every_action_is_pinned_to_a_commit_with_its_tag_beside_it():
    for path in WORKFLOWS:
        for line in path.read_text(encoding="utf-8").splitlines():
            match = re.search(r"uses:\s*(\S+)(.*)", line)
            if not match or match[1].startswith("./"):
                continue
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", match[1]), f"{path.name}: pin {match[1]} to a full SHA"
            assert re.fullmatch(r"\s*# v\d+\.\d+\.\d+", match[2]), f"{path.name}: name the tag of {match[1]} in a comment"


def test_workflows_grant_nothing_by_default_and_each_job_its_own():
    for path in WORKFLOWS:
        workflow = load(path)
        assert workflow["permissions"] == {}, f"{path.name}: set `permissions: {{}}` at the top"
        for name, job in workflow["jobs"].items():
            assert "permissions" in job, f"{path.name}: job {name} needs its own permissions"
            if name != "deploy":
                assert job["permissions"].get("pages") != "write" and "id-token" not in job["permissions"], name


def test_checkouts_keep_no_credentials_and_node_is_current():
    for path in WORKFLOWS:
        for step in steps(load(path)):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, path.name
            if step.get("uses", "").startswith("actions/setup-node@"):
                assert int(step["with"]["node-version"]) >= 22, f"{path.name}: Node 20 reached end of life"


def test_deploy_publishes_only_after_the_tests_pass():
    deploy = load(ROOT / ".github/workflows/deploy.yml")["jobs"]
    assert deploy["test"]["uses"] == "./.github/workflows/ci.yml"
    assert deploy["build"]["needs"] == "test" and deploy["deploy"]["needs"] == "build"
    assert "workflow_call" in load(ROOT / ".github/workflows/ci.yml")[True]


def test_dependabot_groups_updates_after_a_cooldown():
    for update in yaml.safe_load((ROOT / ".github/dependabot.yml").read_text())["updates"]:
        assert update["cooldown"]["default-days"] >= 3 and update["groups"], update["package-ecosystem"]


def test_pre_commit_runs_the_pinned_tools():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    revs = {repo["repo"].rsplit("/", 1)[1]: repo["rev"].lstrip("v") for repo in config["repos"]}
    pins = dict(re.findall(r"^([\w-]+)==(\S+)", (ROOT / "requirements-dev.txt").read_text(), re.M))
    assert revs["codespell"] == pins["codespell"]
    npm = yaml.safe_load((ROOT / "package.json").read_text())["devDependencies"]
    assert revs["markdownlint-cli2"] == npm["markdownlint-cli2"]
    hooks = [hook["id"] for repo in config["repos"] for hook in repo["hooks"]]
    assert "ruff-format" not in hooks, "make test checks no format, so pre-commit must not either"


# Debian 12's Python. The README promises "Python 3.11 or newer", and `make test` as a
# user without a newer Python (root here has one from pyenv) uses this one.
OLDEST_PYTHON = "3.11.2"


def test_every_pinned_package_installs_on_the_oldest_python_the_readme_names():
    from importlib.metadata import metadata

    from packaging.specifiers import SpecifierSet

    pins = re.findall(r"^([\w.-]+)==\S+", (ROOT / "requirements.txt").read_text() + (ROOT / "requirements-dev.txt").read_text(), re.M)
    refused = [f"{name} needs Python {needs}" for name in pins
               if (needs := metadata(name).get("Requires-Python")) and OLDEST_PYTHON not in SpecifierSet(needs)]
    assert len(pins) > 30 and not refused, refused
    assert "Python 3.11 or newer" in (ROOT / "README.md").read_text()
