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


def test_pull_requests_check_content_in_a_fast_job_before_the_tests():
    data = load(REPO / ".github/workflows/pull-request.yml")
    assert "pull_request" in data["on"] and "pull_request_target" not in data["on"]
    assert data["permissions"] == {"contents": "read"}  # nothing from a pull request can write
    content, test = data["jobs"]["content"], data["jobs"]["test"]
    # The content job reports first; the tests run after it, also when it found content mistakes.
    assert test["needs"] == "content" and "!cancelled()" in test["if"]
    content_runs = [step.get("run", "") for step in content["steps"]]
    assert not any("make test" in r or "pytest" in r for r in content_runs)  # fast: no tests, no browser
    assert not any("requirements-test" in r for r in content_runs)
    assert ["test"] in commands_named({"jobs": {"test": test}}, "make")
    klarsida = commands_named({"jobs": {"content": content}}, "klarsida")
    assert ["check"] in klarsida
    assert [c[0] for c in klarsida].count("score") == 2
    diff = next(c for c in klarsida if c[0] == "diff")
    assert diff[1].endswith("base.json") and diff[2].endswith("pr.json")
    diff_step = next(r for r in content_runs if "klarsida diff" in r)
    assert '>> "$GITHUB_STEP_SUMMARY"' in diff_step
    # The base branch must be fetched to be scored.
    assert content["steps"][0]["with"]["fetch-depth"] == 0
    # The scores go to the comment workflow as an artifact.
    upload = next(s for s in content["steps"] if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["name"] == "readability"


def test_the_readability_comment_is_posted_without_running_the_pull_requests_code():
    """readability-comment.yml has write access to pull requests, so it runs only reviewed code:
    it is started by workflow_run (the default branch's file), checks out the default branch, reads
    the artifact as data, and trusts its pull request number only for that pull request's head."""
    data = load(REPO / ".github/workflows/readability-comment.yml")
    assert list(data["on"]) == ["workflow_run"]
    assert data["on"]["workflow_run"]["workflows"] == [load(REPO / ".github/workflows/pull-request.yml")["name"]]
    assert data["permissions"] == {"contents": "read", "actions": "read", "pull-requests": "write"}
    text = (REPO / ".github/workflows/readability-comment.yml").read_text(encoding="utf-8")
    for unsafe in ("head_sha }}\n          persist", "head_branch", "pull_request.head", "github.head_ref",
                   "workflow_run.head_repository"):
        assert unsafe not in text
    checkouts = [s for s in steps(data) if s.get("uses", "").startswith("actions/checkout@")]
    assert [c["with"]["ref"] for c in checkouts] == ["${{ github.event.repository.default_branch }}"]
    runs = "\n".join(scripts(data))
    # Nothing from the artifact is executed: no make, no pip install of it, no sourcing.
    assert "make " not in runs and "source " not in runs and "bash $" not in runs
    assert ["diff", "--comment", '$dir/base.json', '$dir/pr.json'] in commands_named(data, "klarsida")
    assert 'if [ "$head" != "$HEAD_SHA" ]' in runs  # the number must belong to the tested commit
    assert "--method PATCH" in runs and "--method POST" in runs  # updated in place, else created


def test_the_comment_workflow_posts_the_swedish_comment(tmp_path):
    """Run the comment step with a fake `gh` and the real `klarsida diff --comment` on a fixture
    diff: the comment is built, posted once, and updated in place the next time."""
    import json
    import os
    import subprocess
    import sys

    data = load(REPO / ".github/workflows/readability-comment.yml")
    script = next(s["run"] for s in steps(data) if "klarsida diff --comment" in s.get("run", ""))
    artifact = tmp_path / "readability"
    artifact.mkdir()
    base = [{"path": "content/mote.sv.md", "lang": "sv", "lix": 35.0, "long_sentence_share": 0.1, "findings": []}]
    pr = [{"path": "content/mote.sv.md", "lang": "sv", "lix": 44.5, "long_sentence_share": 0.3, "findings": [
        {"kind": "passive", "text": "Beslutet fattades av nämnden.", "note_sv": "Passiv form: fattades",
         "note_en": "Passive voice: fattades"}]}]
    (artifact / "base.json").write_text(json.dumps(base), encoding="utf-8")
    (artifact / "pr.json").write_text(json.dumps(pr), encoding="utf-8")
    (artifact / "pr-number").write_text("17\n", encoding="utf-8")
    bin_dir = tmp_path / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "klarsida").write_text(f"#!/bin/sh\nexec {sys.executable} -m klarsida \"$@\"\n", encoding="utf-8")
    (bin_dir / "klarsida").chmod(0o755)
    calls = tmp_path / "calls.log"
    fake_gh = tmp_path / "gh"
    # A fake GitHub: the pull request's head, its comments (none, then ours), and every call logged.
    fake_gh.write_text(f"""#!/bin/sh
echo "$@" >> {calls}
case "$*" in
  *"pulls/17"*) echo abc123 ;;
  *"issues/17/comments"*"--jq"*) cat {tmp_path}/existing 2>/dev/null ;;
  *"--method PATCH"*|*"--method POST"*) for a in "$@"; do case "$a" in body=@*) cp "${{a#body=@}}" {tmp_path}/posted.md ;; esac; done ;;
esac
""", encoding="utf-8")
    fake_gh.chmod(0o755)
    env = {"PATH": f"{tmp_path}:/usr/bin:/bin", "RUNNER_TEMP": str(tmp_path), "REPO": "o/r", "HEAD_SHA": "abc123",
           "PYTHONPATH": str(REPO), "NO_MKDOCS_2_WARNING": "1", "HOME": str(tmp_path)}
    run = lambda: subprocess.run(["bash", "-e", "-c", script], cwd=tmp_path, capture_output=True, text=True, env=env)  # noqa: E731
    done = run()
    assert done.returncode == 0, done.stderr
    posted = (tmp_path / "posted.md").read_text(encoding="utf-8")
    assert posted.startswith("<!-- klarsida:läsbarhet -->\n### Läsbarhet i den här ändringen")
    assert "| content/mote\\.sv\\.md | LIX 35,0 → 44,5 (svårare) |" in posted
    assert "långa meningar 10% → 30%" in posted and "1 ny: passiv form" in posted
    assert "”Beslutet fattades av nämnden\\.”" in posted
    assert "--method POST repos/o/r/issues/17/comments" in calls.read_text()
    # The next push: our comment exists, so it is updated in place.
    (tmp_path / "existing").write_text("991\n", encoding="utf-8")
    assert run().returncode == 0
    assert "--method PATCH repos/o/r/issues/comments/991" in calls.read_text().splitlines()[-1]
    # An artifact naming another pull request (whose head is not the tested commit) gets no comment.
    before = calls.read_text()
    env["HEAD_SHA"] = "other"
    assert run().returncode == 0 and "--method" not in calls.read_text()[len(before):]
    (artifact / "pr-number").write_text("17; rm -rf /\n", encoding="utf-8")
    assert run().returncode == 1
    os.remove(tmp_path / "existing")


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
