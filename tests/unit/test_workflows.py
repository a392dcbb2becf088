"""The GitHub workflows are valid YAML, pin their actions, and call only commands that exist."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml

from klarsida.cli import build_parser, command_modules
from tests.conftest import REPO

WORKFLOWS = sorted((REPO / ".github/workflows").glob("*.yml"))
SHELL_OPERATORS = {">", ">>", "<", "|", "||", "&&", ";", "(", ")", "&"}


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as true; GitHub reads it as "on".
    if True in data:
        data["on"] = data.pop(True)
    return data


def steps(data: dict):
    for job in data["jobs"].values():
        yield from job.get("steps", [])


def scripts(data: dict) -> list[str]:
    return [step["run"] for step in steps(data) if "run" in step]


def make_targets() -> set[str]:
    text = (REPO / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Za-z0-9_.-]+)\s*:(?!=)", text, re.M))


def words(script: str) -> list[list[str]]:
    """Each simple command of a shell script as a list of words (variables left as they are)."""
    commands = []
    for line in script.replace("\\\n", " ").split("\n"):
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        lexer.commenters = "#"
        current: list[str] = []
        redirect = False
        for token in lexer:
            if token in SHELL_OPERATORS:
                if current:
                    commands.append(current)
                current, redirect = [], token in (">", ">>", "<")
            elif redirect:
                redirect = False  # the file a redirection names is not part of the command
            else:
                current.append(token)
        if current:
            commands.append(current)
    return commands


def commands_named(data: dict, program: str) -> list[list[str]]:
    found = []
    for script in scripts(data):
        for command in words(script):
            if command and Path(command[0]).name == program:
                found.append(command[1:])
    return found


def test_there_are_workflows():
    assert {p.name for p in WORKFLOWS} >= {"pull-request.yml", "publish.yml"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_to_a_commit_with_the_version_named(path):
    text = path.read_text(encoding="utf-8")
    uses = re.findall(r"uses:\s*(\S+)(.*)", text)
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", action), f"{action} is not pinned to a commit SHA"
        assert re.search(r"#\s*v\d+\.\d+\.\d+", comment), f"{action} lacks a '# vX.Y.Z' comment"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_make_targets_exist(path):
    targets = make_targets()
    for args in commands_named(load(path), "make"):
        for target in (a for a in args if not a.startswith("-") and "=" not in a):
            assert target in targets, f"{path.name} runs `make {target}`, which the Makefile does not have"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_klarsida_commands_exist_with_those_options(path):
    names = {module.NAME for module in command_modules()}
    parser = build_parser()
    for args in commands_named(load(path), "klarsida"):
        assert args and args[0] in names, f"{path.name} runs `klarsida {' '.join(args)}`: no such command"
        try:
            parser.parse_args(args)
        except SystemExit:
            pytest.fail(f"{path.name}: `klarsida {' '.join(args)}` is not accepted by the CLI")


def test_pull_requests_run_the_tests_then_the_readability_diff_as_summary():
    data = load(REPO / ".github/workflows/pull-request.yml")
    assert "pull_request" in data["on"]
    made = commands_named(data, "make")
    assert ["test"] in made
    klarsida = commands_named(data, "klarsida")
    assert [c[0] for c in klarsida].count("score") == 2
    diff = next(c for c in klarsida if c[0] == "diff")
    assert diff[1].endswith("base.json") and diff[2].endswith("pr.json")
    runs = [step.get("run", "") for step in steps(data)]
    test_step = next(i for i, r in enumerate(runs) if "make test" in r)
    diff_step = next(i for i, r in enumerate(runs) if "klarsida diff" in r)
    assert test_step < diff_step
    assert '>> "$GITHUB_STEP_SUMMARY"' in runs[diff_step]
    # The base branch must be fetched to be scored.
    assert any(step.get("with", {}).get("fetch-depth") == 0 for step in steps(data))


def test_main_is_built_and_deployed_and_rebuilt_every_night():
    data = load(REPO / ".github/workflows/publish.yml")
    assert data["on"]["push"]["branches"] == ["main"]
    cron = data["on"]["schedule"][0]["cron"]
    minute, hour, day, month, weekday = cron.split()
    assert (day, month, weekday) == ("*", "*", "*"), "the rebuild must run every night"
    assert ["build"] in commands_named(data, "make")
    uses = [step.get("uses", "") for step in steps(data)]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    upload = next(s for s in steps(data) if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"
    deploy_job = next(j for j in data["jobs"].values() if any("deploy-pages" in s.get("uses", "") for s in j["steps"]))
    assert deploy_job["permissions"] == {"pages": "write", "id-token": "write"}


def test_the_pull_request_template_has_the_klarsprak_checklist():
    text = (REPO / ".github/pull_request_template.md").read_text(encoding="utf-8")
    boxes = re.findall(r"^- \[ \] (.+)$", text, re.M)
    assert len(boxes) >= 8
    assert any("förkortningar" in b for b in boxes)
    assert any("FYLL I" in b for b in boxes)
    assert any(".en.md" in b for b in boxes)


def test_only_main_is_published_also_when_started_by_hand():
    data = load(REPO / ".github/workflows/publish.yml")
    build = data["jobs"]["build"]
    assert build["if"] == "github.ref == 'refs/heads/main'"
    deploy = next(j for j in data["jobs"].values() if any("deploy-pages" in s.get("uses", "") for s in j["steps"]))
    assert deploy["needs"] == "build"  # skipped with it


def test_check_output_cannot_write_lines_of_its_own_into_the_summary(tmp_path):
    """A value holding a code fence and "Inga fel" must stay inside the summary's code block."""
    import subprocess

    import markdown

    data = load(REPO / ".github/workflows/pull-request.yml")
    script = next(s["run"] for s in steps(data) if "klarsida check" in s.get("run", ""))
    fake = tmp_path / ".venv" / "bin" / "klarsida"
    fake.parent.mkdir(parents=True)
    hostile = "content/a.sv.md:2: title: Fel\\n```\\n### Inga fel\\n<img src=x onerror=alert(1)>\\n```"
    fake.write_text(f"#!/bin/sh\nprintf '{hostile}\\n'\nexit 1\n", encoding="utf-8")
    fake.chmod(0o755)
    summary = tmp_path / "summary.md"
    result = subprocess.run(["bash", "-e", "-c", script], cwd=tmp_path, capture_output=True, text=True,
                            env={"PATH": "/usr/bin:/bin", "RUNNER_TEMP": str(tmp_path), "GITHUB_STEP_SUMMARY": str(summary)})
    assert result.returncode == 1  # the check's verdict still fails the step
    html = markdown.markdown(summary.read_text(encoding="utf-8"), extensions=["fenced_code"])
    assert html.count("<h3>") == 1 and "<h3>Inga fel" not in html and "<img" not in html
    assert "### Inga fel" in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_publish_refuses_a_placeholder_address_before_uploading():
    """`make address` (klarsida address site) runs after the build and before the upload: with
    site_url still https://example.org/ nothing reaches GitHub Pages."""
    data = load(REPO / ".github/workflows/publish.yml")
    build = data["jobs"]["build"]["steps"]
    runs = [step.get("run", "") for step in build]
    uses = [step.get("uses", "") for step in build]
    guard = next(i for i, run in enumerate(runs) if run.strip() == "make address")
    built = next(i for i, run in enumerate(runs) if run.strip() == "make build")
    upload = next(i for i, use in enumerate(uses) if use.startswith("actions/upload-pages-artifact"))
    assert built < guard < upload
    assert "address" in make_targets()
    assert "klarsida address site" in (REPO / "Makefile").read_text(encoding="utf-8")
