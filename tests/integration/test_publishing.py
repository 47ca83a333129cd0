"""Publishing from CI: the workflow files, run step by step in a fresh clone as a runner would."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

import feedparser
import pytest
import yaml
from lxml import html as lxml_html

from tests.integration.actions import (
    WORKFLOWS,
    Runner,
    fresh_clone,
    git,
    load_workflow,
    python_like_setup_python,
    run_job,
    runner_environment,
)
from tests.integration.clirun import REPO, blogbuild

pytestmark = pytest.mark.slow

OFFICIAL = {
    "actions/checkout": 5,
    "actions/setup-python": 6,
    "actions/cache": 4,
    "actions/configure-pages": 5,
    "actions/upload-pages-artifact": 4,
    "actions/deploy-pages": 4,
}
PAGES_URL = "https://octocat.github.io/blog"  # what configure-pages gives a project site


def _uses(workflow: Mapping[str, Any]) -> list[str]:
    return [
        step["uses"] for job in workflow["jobs"].values() for step in job["steps"] if "uses" in step
    ]


@pytest.mark.parametrize("name", ["publish.yml", "tests.yml"])
def test_workflows_name_only_pinned_major_versions_of_official_actions(name: str) -> None:
    workflow = load_workflow(WORKFLOWS / name)
    used = _uses(workflow)
    assert used
    for uses in used:
        action, _, version = uses.partition("@")
        assert action in OFFICIAL, f"{uses}: not one of the official actions"
        assert re.fullmatch(r"v\d+", version), f"{uses}: pin a major version (vN)"
        assert int(version[1:]) == OFFICIAL[action], f"{uses}: expected v{OFFICIAL[action]}"


def test_publish_workflow_deploys_pages_on_push_to_main_and_by_hand() -> None:
    workflow = load_workflow(WORKFLOWS / "publish.yml")
    assert workflow["on"]["push"] == {"branches": ["main"]}
    assert "workflow_dispatch" in workflow["on"]
    assert workflow["permissions"]["pages"] == "write"
    assert workflow["permissions"]["id-token"] == "write"
    assert (
        workflow["concurrency"]["group"] and workflow["concurrency"]["cancel-in-progress"] is False
    )
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    steps = {step["uses"].split("@")[0]: step for step in build["steps"] if "uses" in step}
    assert steps["actions/checkout"]["with"]["fetch-depth"] == 0  # commit dates of posts
    assert steps["actions/setup-python"]["with"]["cache"] == "pip"
    cache = steps["actions/cache"]["with"]
    assert cache["path"] == ".blogbuild-cache"
    assert "steps.install.outputs.version" in cache["key"] and "hashFiles(" in cache["key"]
    # each run saves its own cache; the newest with the same blogbuild is restored
    assert cache["key"].endswith("${{ github.sha }}")
    restore = cache["restore-keys"].splitlines()
    assert restore and all(cache["key"].startswith(prefix) for prefix in restore)
    runs = [step["run"] for step in build["steps"] if "run" in step]
    assert any("blogbuild check --format github" in run for run in runs)
    assert any('blogbuild build --base-url "$PAGES_URL"' in run for run in runs)
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]


def test_tests_workflow_runs_the_readme_test_command_on_python_3_11_to_3_13() -> None:
    workflow = load_workflow(WORKFLOWS / "tests.yml")
    assert "push" in workflow["on"] and "pull_request" in workflow["on"]
    (job,) = workflow["jobs"].values()
    assert job["strategy"]["matrix"]["python"] == ["3.11", "3.12", "3.13"]
    assert "${{ matrix.python }}" in job["container"]
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    command = re.search(r"Run the tests.*?```sh\n(.+?)\n```", readme, re.S)
    assert command, "README.md gives no test command"
    assert [step["run"] for step in job["steps"] if "run" in step] == [command.group(1)]


class _Stand:
    """Stand-ins for the `uses:` steps of publish.yml, recording what they were given."""

    def __init__(self, pages_url: str) -> None:
        self.pages_url = pages_url
        self.given: dict[str, Mapping[str, str]] = {}

    def handlers(self) -> dict[str, Any]:
        return {
            "actions/checkout": self.checkout,
            "actions/setup-python": self.record("actions/setup-python"),
            "actions/cache": self.record("actions/cache"),
            "actions/configure-pages": self.configure_pages,
            "actions/upload-pages-artifact": self.record("actions/upload-pages-artifact"),
        }

    def record(self, action: str) -> Any:
        def handler(runner: Runner, given: Mapping[str, str]) -> None:
            self.given[action] = given

        return handler

    def checkout(self, runner: Runner, given: Mapping[str, str]) -> None:
        self.given["actions/checkout"] = given
        # The workspace is a full clone already: the one thing to check is its history.
        assert given["fetch-depth"] == "0"
        assert git(runner.workspace, "rev-parse", "--is-shallow-repository") == "false"

    def configure_pages(self, runner: Runner, given: Mapping[str, str]) -> dict[str, str]:
        path = re.sub(r"^https?://[^/]+", "", self.pages_url)
        host = self.pages_url.split("/")[2]
        return {"base_url": self.pages_url, "origin": f"https://{host}", "host": host,
                "base_path": path}  # fmt: skip


def _run_publish(workspace: Path, tmp_path: Path, pages_url: str, repository: str) -> _Stand:
    """Every step of publish.yml's build job in `workspace`; each `run:` step must succeed."""
    workflow = load_workflow(workspace / ".github" / "workflows" / "publish.yml")
    python_bin = python_like_setup_python(tmp_path / "python")
    env, github = runner_environment(workspace, python_bin, repository)
    runner = Runner(workspace, env, github)
    stand = _Stand(pages_url)
    runs = run_job(workflow["jobs"]["build"], runner, stand.handlers())
    expected = [step for step in workflow["jobs"]["build"]["steps"] if "run" in step]
    for run in runs:
        assert run.returncode == 0, f"{run.name}:\n{run.stdout}\n{run.stderr}"
    assert len(runs) == len(expected)
    version = runner.outputs["install"]["version"]
    assert re.fullmatch(r"\d+\.\d+\.\d+\S*", version), version
    key = stand.given["actions/cache"]["key"]
    assert re.fullmatch(rf"blogbuild-{re.escape(version)}-[0-9a-f]{{64}}-{github['sha']}", key)
    assert stand.given["actions/upload-pages-artifact"]["path"] == "dist/"
    return stand


def _canonical(page: Path) -> str:
    tree = lxml_html.fromstring(page.read_bytes())
    (href,) = tree.xpath("//link[@rel='canonical']/@href")
    return str(href)


def _assert_published_at(dist: Path, base: str) -> None:
    """dist/ holds a site whose feed and canonical links are absolute, under `base`."""
    assert (dist / ".nojekyll").is_file() and (dist / ".nojekyll").read_bytes() == b""
    assert _canonical(dist / "index.html") == base
    feed = feedparser.parse((dist / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.entries
    for entry in feed.entries:
        assert entry.link.startswith(f"{base}posts/"), entry.link
        slug = entry.link[len(base) :]
        assert _canonical(dist / slug / "index.html") == entry.link


def test_publish_workflow_run_steps_build_this_repository_in_a_fresh_clone(
    tmp_path: Path,
) -> None:
    workspace = fresh_clone(tmp_path / "work" / "blog")
    _run_publish(workspace, tmp_path, PAGES_URL, "octocat/blog")
    dist = workspace / "dist"
    _assert_published_at(dist, PAGES_URL + "/")
    assert not (dist / "CNAME").exists()  # the repository's blog names no custom domain
    # Every post of the repository's blog gives its date, so no checkout can move one.
    page = lxml_html.fromstring(
        (dist / "posts" / "za-granyu-pikseley-i-slov" / "index.html").read_bytes()
    )
    shown = page.xpath("//article//time/@datetime") or page.xpath("//time/@datetime")
    assert datetime.fromisoformat(str(shown[0])) == datetime.fromisoformat(
        "2026-11-23T02:27:18+03:00"
    )


def test_publish_workflow_publishes_any_blogbuild_site(tmp_path: Path) -> None:
    site = tmp_path / "work" / "site"
    (site / "content" / "posts").mkdir(parents=True)
    (site / "blogbuild.yaml").write_text(
        "title: Чужой блог\ncname: blog.example.org\n", encoding="utf-8"
    )
    for n in (1, 2):
        (site / "content" / "posts" / f"2025-05-0{n}-zametka-{n}.md").write_text(
            f"---\ntitle: Заметка {n}\ncategories: [Заметки]\ndescription: Кратко о заметке {n}.\n"
            f"---\nТекст заметки {n} о моделях.\n",
            encoding="utf-8",
        )
    (site / ".github" / "workflows").mkdir(parents=True)
    shutil.copy(WORKFLOWS / "publish.yml", site / ".github" / "workflows" / "publish.yml")
    # A site names the blogbuild it is built with; here, this checkout.
    (site / "requirements.txt").write_text(f"blogbuild @ {REPO.as_uri()}\n", encoding="utf-8")
    git(site, "init", "--quiet", "--initial-branch=main")
    git(site, "add", ".")
    git(site, "-c", "user.name=Автор", "-c", "user.email=a@example.org", "commit", "-qm", "Блог")
    clone = tmp_path / "work" / "clone"
    git(tmp_path, "clone", "--quiet", "--no-local", str(site), str(clone))
    _run_publish(clone, tmp_path, "https://blog.example.org", "someone/site")
    dist = clone / "dist"
    _assert_published_at(dist, "https://blog.example.org/")
    assert (dist / "CNAME").read_text(encoding="utf-8") == "blog.example.org\n"


def _tree(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def _rendered(stdout: str) -> tuple[int, int]:
    """(post bodies, pages) rendered, from the build's summary line."""
    found = re.search(r"rendered (\d+) post bod(?:y|ies) and (\d+) pages?", stdout)
    assert found, stdout
    return int(found.group(1)), int(found.group(2))


def test_a_fresh_clone_with_a_restored_cache_renders_only_the_changed_post(
    tmp_path: Path,
) -> None:
    first = fresh_clone(tmp_path / "run-1")
    cold = blogbuild("build", "--source", str(first))
    assert cold.returncode == 0, cold.stderr
    posts = sorted((first / "content" / "posts").iterdir())
    assert _rendered(cold.stdout)[0] == len(posts) > 1
    # The next run: another clone, new mtimes on every file, the cache restored as a CI
    # cache action restores it, and one post changed by the pushed commit.
    second = fresh_clone(tmp_path / "run-2")
    shutil.copytree(first / ".blogbuild-cache", second / ".blogbuild-cache")
    later = time.time_ns() + 5 * 1_000_000_000
    for path in second.rglob("*"):
        if path.is_file() and ".git" not in path.relative_to(second).parts[:1]:
            os.utime(path, ns=(later, later))
    changed = second / "content" / "posts" / "generativnye-modeli.md"
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\nНовый абзац о моделях.\n", encoding="utf-8"
    )
    warm = blogbuild("build", "--source", str(second))
    assert warm.returncode == 0, warm.stderr
    assert _rendered(warm.stdout)[0] == 1
    # Byte for byte what a cold build of the same clone makes.
    reference = blogbuild(
        "build", "--source", str(second), "--no-cache", "--out", str(tmp_path / "cold")
    )
    assert reference.returncode == 0, reference.stderr
    assert _rendered(reference.stdout)[0] == len(posts)
    assert _tree(second / "dist") == _tree(tmp_path / "cold")
    assert "Новый абзац о моделях." in (
        second / "dist" / "posts" / "generativnye-modeli" / "index.html"
    ).read_text(encoding="utf-8")


def test_gitlab_pages_example_script_builds_this_repository_into_public(tmp_path: Path) -> None:
    example = yaml.safe_load(
        (REPO / "docs" / "gitlab" / ".gitlab-ci.yml").read_text(encoding="utf-8")
    )
    job = example["pages"]
    assert job["variables"]["GIT_DEPTH"] == 0
    assert ".blogbuild-cache/" in job["cache"]["paths"]
    assert job["artifacts"]["paths"] == ["public"]
    workspace = fresh_clone(tmp_path / "builds" / "blog")
    python_bin = python_like_setup_python(tmp_path / "python")
    env, _ = runner_environment(workspace, python_bin, "octocat/blog")
    pages_url = "https://octocat.gitlab.io/blog"
    env.update({"GITLAB_CI": "true", "CI_PROJECT_DIR": str(workspace), "CI_PAGES_URL": pages_url})
    for name, value in job["variables"].items():
        env[name] = os.path.expandvars(str(value).replace("$CI_PROJECT_DIR", str(workspace)))
    for line in job["script"]:
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", line],
            cwd=workspace, env=env, capture_output=True, text=True, timeout=600, check=False,
        )  # fmt: skip
        assert done.returncode == 0, f"{line}:\n{done.stdout}\n{done.stderr}"
    _assert_published_at(workspace / "public", pages_url + "/")
