"""Running a workflow's `run:` steps on this machine as a GitHub runner would.

Every `run:` step is executed for real, with bash as the runner starts it, in the job's
working folder, with the runner's variables (GITHUB_*, RUNNER_*, CI) and the step's `env:`.
Only `uses:` steps are stood in for, by handlers the test gives (a checkout is a `git clone`,
setup-python a virtualenv, configure-pages the address it would return). Expressions
(`${{ … }}`) are evaluated for the few contexts a blog's workflow needs; any other is an
error, so a workflow cannot depend on something this runner does not model.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import sysconfig
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[2]
WORKFLOWS = REPO / ".github" / "workflows"
_EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
_HASH_FILES = re.compile(r"hashFiles\((.*)\)")


def load_workflow(path: Path) -> dict[str, Any]:
    """A workflow file as data; YAML 1.1 reads the key `on` as true, put back as "on"."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name} is not a mapping"
    if True in data:
        data["on"] = data.pop(True)
    return data


@dataclass
class StepRun:
    """What one executed step did."""

    name: str
    returncode: int
    stdout: str
    stderr: str


@dataclass
class Runner:
    """One job's state while its steps run: outputs by step id, environment, results."""

    workspace: Path
    env: dict[str, str]
    github: dict[str, str]
    outputs: dict[str, dict[str, str]] = field(default_factory=dict)
    runs: list[StepRun] = field(default_factory=list)

    def evaluate(self, text: str) -> str:
        """`text` with every `${{ expression }}` replaced by its value."""
        return _EXPRESSION.sub(lambda match: self._value(match.group(1)), text)

    def _value(self, expression: str) -> str:
        parts = expression.split(".")
        if len(parts) == 4 and parts[0] == "steps" and parts[2] == "outputs":
            return self.outputs.get(parts[1], {}).get(parts[3], "")
        if len(parts) == 2 and parts[0] == "github" and parts[1] in self.github:
            return self.github[parts[1]]
        if len(parts) == 2 and parts[0] == "env":
            return self.env.get(parts[1], "")
        hashed = _HASH_FILES.fullmatch(expression)
        if hashed:
            patterns = [p.strip().strip("'") for p in hashed.group(1).split(",")]
            return hash_files(self.workspace, patterns)
        raise AssertionError(f"this runner does not model the expression {expression!r}")

    def run(self, step: Mapping[str, Any]) -> StepRun:
        """Execute a `run:` step with bash, as the runner does (`bash -e {0}` with pipefail)."""
        name = str(step.get("name") or step["run"].splitlines()[0])
        assert "${{" not in step["run"], (
            f"{name}: pass expressions through env:, not into the script"
        )
        output_file = self.workspace.parent / f"github-output-{len(self.runs)}"
        output_file.write_text("", encoding="utf-8")
        env = {**self.env, "GITHUB_OUTPUT": str(output_file)}
        env.update(
            {key: self.evaluate(str(value)) for key, value in (step.get("env") or {}).items()}
        )
        cwd = self.workspace / step.get("working-directory", ".")
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False,
        )  # fmt: skip
        if "id" in step:
            self.outputs[step["id"]] = parse_outputs(output_file.read_text(encoding="utf-8"))
        result = StepRun(name, done.returncode, done.stdout, done.stderr)
        self.runs.append(result)
        return result


Handler = Callable[[Runner, Mapping[str, Any]], dict[str, str] | None]


def run_job(
    job: Mapping[str, Any], runner: Runner, handlers: Mapping[str, Handler]
) -> list[StepRun]:
    """Run a job's steps in order until one fails; `uses:` steps go to `handlers` by action
    name (without the version), which may return the step's outputs."""
    for step in job["steps"]:
        if "uses" in step:
            action = step["uses"].split("@")[0]
            assert action in handlers, f"no stand-in for {action}"
            given = {
                key: runner.evaluate(str(value)) for key, value in (step.get("with") or {}).items()
            }
            outputs = handlers[action](runner, given)
            if "id" in step:
                runner.outputs[step["id"]] = outputs or {}
            continue
        if runner.run(step).returncode != 0:
            break
    return runner.runs


def parse_outputs(text: str) -> dict[str, str]:
    """The `name=value` and `name<<DELIMITER` lines a step wrote to $GITHUB_OUTPUT."""
    outputs: dict[str, str] = {}
    lines = iter(text.splitlines())
    for line in lines:
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            value = []
            for inner in lines:
                if inner == delimiter:
                    break
                value.append(inner)
            outputs[name] = "\n".join(value)
        elif "=" in line:
            name, value = line.split("=", 1)
            outputs[name] = value
    return outputs


def hash_files(root: Path, patterns: list[str]) -> str:
    """A digest of the files matching `patterns` (empty when none does), like hashFiles."""
    digest = hashlib.sha256()
    found = sorted({path for pattern in patterns for path in root.glob(pattern) if path.is_file()})
    for path in found:
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest() if found else ""


def runner_environment(
    workspace: Path, python_bin: Path, repository: str
) -> tuple[dict[str, str], dict[str, str]]:
    """The variables a GitHub-hosted runner sets for a push to main, and the `github` context."""
    sha = git(workspace, "rev-parse", "HEAD")
    temp = workspace.parent / "runner-temp"
    temp.mkdir(exist_ok=True)
    github = {
        "sha": sha,
        "ref": "refs/heads/main",
        "ref_name": "main",
        "repository": repository,
        "event_name": "push",
        "workspace": str(workspace),
    }
    env = {
        key: value for key, value in os.environ.items() if not key.startswith(("GITHUB_", "PYTHON"))
    }
    env.update(
        {
            "CI": "true",
            "GITHUB_ACTIONS": "true",
            "GITHUB_WORKSPACE": str(workspace),
            "GITHUB_REPOSITORY": repository,
            "GITHUB_REPOSITORY_OWNER": repository.split("/")[0],
            "GITHUB_SHA": sha,
            "GITHUB_REF": "refs/heads/main",
            "GITHUB_REF_NAME": "main",
            "GITHUB_EVENT_NAME": "push",
            "GITHUB_SERVER_URL": "https://github.com",
            "GITHUB_ENV": str(temp / "github-env"),
            "GITHUB_STEP_SUMMARY": str(temp / "step-summary"),
            "RUNNER_OS": "Linux",
            "RUNNER_TEMP": str(temp),
            "PATH": f"{python_bin}{os.pathsep}{os.environ.get('PATH', '')}",
            # Offline: pip builds blogbuild's wheel with the hatchling already installed.
            "PIP_NO_BUILD_ISOLATION": "0",
            "NO_COLOR": "1",
        }
    )
    return env, github


def python_like_setup_python(folder: Path) -> Path:
    """A fresh virtualenv standing in for actions/setup-python: blogbuild is not in it, the
    test tools' packages are visible (offline), and `pip install` installs into it; its bin/."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True)
    (site,) = folder.glob("lib/python*/site-packages")
    shared = sysconfig.get_paths()["purelib"]
    # Only the dependencies: this checkout's own blogbuild must come from the install step.
    (site / "dependencies.pth").write_text(shared + "\n", encoding="utf-8")
    # `pip` on the PATH is this Python's, as in setup-python and the python images.
    for name in ("pip", "pip3"):
        script = folder / "bin" / name
        script.write_text(
            '#!/bin/sh\nexec "$(dirname "$0")/python" -m pip "$@"\n', encoding="utf-8"
        )
        script.chmod(0o755)
    return folder / "bin"


def fresh_clone(dest: Path) -> Path:
    """A full `git clone` of this repository whose files are those of the working tree (so
    uncommitted changes are what is tested), in `dest`."""
    subprocess.run(["git", "clone", "--quiet", "--no-local", str(REPO), str(dest)], check=True)
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO, capture_output=True, check=True,
    ).stdout.decode().split("\0")  # fmt: skip
    present = {rel for rel in listed if rel and (REPO / rel).is_file()}
    for path in list(dest.rglob("*")):
        rel = path.relative_to(dest).as_posix()
        if path.is_file() and not rel.startswith(".git/") and rel not in present:
            path.unlink()
    for rel in present:
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        data = (REPO / rel).read_bytes()
        if not target.is_file() or target.read_bytes() != data:
            target.write_bytes(data)
    return dest


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    return done.stdout.strip()
