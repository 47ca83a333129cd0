"""The settings publishing needs: the base URL from the environment, CNAME and .nojekyll, and
whether check findings stop a deploy."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import html as lxml_html

from tests.conftest import SiteMaker
from tests.integration.clirun import REPO, blogbuild
from tests.seed_findings import copy_seed_blog


def _blogbuild_env(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`blogbuild ARGS` with extra environment variables (and BLOGBUILD_BASE_URL only if given)."""
    full = {k: v for k, v in os.environ.items() if k != "BLOGBUILD_BASE_URL"}
    full.update({"PYTHONPATH": str(REPO / "src"), "NO_COLOR": "1", **env})
    return subprocess.run(
        [sys.executable, "-m", "blogbuild", *args],
        cwd=REPO, env=full, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def _small_site(site: SiteMaker, config: str = "") -> None:
    site.config("title: Блог\nbase_url: https://config.example.org/\n" + config)
    site.post(
        "2025-04-01-pervyi.md",
        "---\ntitle: Первый\ncategories: [Заметки]\ndescription: О первом.\n---\nТекст первого.\n",
        raw=True,
    )


def _canonical(dist: Path) -> str:
    (href,) = lxml_html.fromstring((dist / "index.html").read_bytes()).xpath(
        "//link[@rel='canonical']/@href"
    )
    return str(href)


def test_base_url_flag_wins_over_the_environment_which_wins_over_the_config(
    site: SiteMaker, tmp_path: Path
) -> None:
    _small_site(site)
    source = ("--source", str(site.root))
    env = {"BLOGBUILD_BASE_URL": "https://env.example.org/blog"}
    runs = {
        "flag": _blogbuild_env("build", *source, "--out", str(tmp_path / "flag"),
                               "--base-url", "https://flag.example.org/", env=env),
        "env": _blogbuild_env("build", *source, "--out", str(tmp_path / "env"), env=env),
        "config": _blogbuild_env("build", *source, "--out", str(tmp_path / "config"), env={}),
        "empty": _blogbuild_env("build", *source, "--out", str(tmp_path / "empty"),
                                env={"BLOGBUILD_BASE_URL": ""}),
    }  # fmt: skip
    for name, done in runs.items():
        assert done.returncode == 0, f"{name}: {done.stderr}"
    assert _canonical(tmp_path / "flag") == "https://flag.example.org/"
    assert _canonical(tmp_path / "env") == "https://env.example.org/blog/"
    assert _canonical(tmp_path / "config") == "https://config.example.org/"
    assert _canonical(tmp_path / "empty") == "https://config.example.org/"  # empty: not set
    # The path of the base URL from the environment is where the site lives.
    page = (tmp_path / "env" / "index.html").read_text(encoding="utf-8")
    assert 'href="/blog/posts/pervyi/"' in page


def test_a_bad_base_url_in_the_environment_is_a_usage_error_naming_it(site: SiteMaker) -> None:
    _small_site(site)
    for command in ("build", "check"):
        done = _blogbuild_env(
            command, "--source", str(site.root), env={"BLOGBUILD_BASE_URL": "blog.example.org"}
        )
        assert done.returncode == 2
        assert (
            "BLOGBUILD_BASE_URL in the environment: 'blog.example.org' must be an http(s) URL"
            in done.stderr
        )
        assert "Traceback" not in done.stderr
    assert not (site.root / "dist").exists()


def test_nojekyll_always_and_cname_from_the_config_are_build_outputs(site: SiteMaker) -> None:
    _small_site(site, "cname: Blog.Example.org\n")
    done = blogbuild("build", "--source", str(site.root))
    assert done.returncode == 0, done.stderr
    dist = site.root / "dist"
    assert (dist / ".nojekyll").read_bytes() == b""
    assert (dist / "CNAME").read_text(encoding="utf-8") == "blog.example.org\n"
    stamps = {name: (dist / name).stat().st_mtime_ns for name in (".nojekyll", "CNAME")}
    # A rebuild after a post changed leaves them as they were, mtimes and all.
    post = site.root / "content" / "posts" / "2025-04-01-pervyi.md"
    post.write_text(post.read_text(encoding="utf-8") + "\nЕщё абзац.\n", encoding="utf-8")
    again = blogbuild("build", "--source", str(site.root))
    assert again.returncode == 0, again.stderr
    assert {name: (dist / name).stat().st_mtime_ns for name in stamps} == stamps
    # Without the setting the file is gone, as any output the build no longer makes.
    _small_site(site)
    third = blogbuild("build", "--source", str(site.root))
    assert third.returncode == 0, third.stderr
    assert not (dist / "CNAME").exists() and (dist / ".nojekyll").is_file()


@pytest.mark.parametrize(
    "cname", ["https://blog.example.org", "blog.example.org/path", "localhost", "bad_.-x"]
)
def test_a_cname_that_is_not_a_domain_name_is_an_error_on_its_line(
    site: SiteMaker, cname: str
) -> None:
    _small_site(site, f"cname: '{cname}'\n")
    done = blogbuild("build", "--source", str(site.root))
    assert done.returncode == 1
    assert "blogbuild.yaml:3: cname:" in done.stderr and "is not a domain name" in done.stderr
    assert not (site.root / "dist").exists()


def _check(site: Path, *extra: str) -> int:
    return blogbuild("check", "--source", str(site), *extra).returncode


def test_fail_on_decides_whether_check_findings_fail_the_run(site: SiteMaker) -> None:
    # One warning (no description), no error.
    site.config("title: Блог\n")
    site.post("2025-04-01-a.md", "---\ntitle: А\ncategories: [Заметки]\n---\nТекст.\n", raw=True)
    assert _check(site.root) == 0
    site.config("title: Блог\ncheck:\n  fail_on: warning\n")
    assert _check(site.root) == 1
    site.config("title: Блог\ncheck:\n  strict: true\n")  # the same, said the old way
    assert _check(site.root) == 1
    # An error: the default fails; `never` reports and goes on; --strict still fails.
    site.post(
        "2025-04-02-b.md",
        "---\ntitle: Б\ncategories: [Заметки]\n---\nLorem ipsum dolor.\n",
        raw=True,
    )
    site.config("title: Блог\n")
    assert _check(site.root) == 1
    site.config("title: Блог\ncheck:\n  fail_on: never\n")
    done = blogbuild("check", "--source", str(site.root), "--format", "github")
    assert done.returncode == 0 and "::error file=content/posts/2025-04-02-b.md" in done.stdout
    assert _check(site.root, "--strict") == 1


def test_the_seed_articles_fail_the_check_without_the_repository_setting(tmp_path: Path) -> None:
    blog = copy_seed_blog(tmp_path / "blog")
    config = blog / "blogbuild.yaml"
    assert _check(blog) == 0  # the repository publishes its seeds with their errors
    config.write_text(
        config.read_text(encoding="utf-8").replace("fail_on: never", "fail_on: error"),
        encoding="utf-8",
    )
    assert _check(blog) == 1


def test_bad_fail_on_settings_are_reported_together(site: SiteMaker) -> None:
    site.config("title: Блог\ncheck:\n  strict: true\n  fail_on: never\n")
    site.post("2025-04-01-a.md", "---\ntitle: А\n---\nТекст.\n", raw=True)
    done = blogbuild("check", "--source", str(site.root))
    assert done.returncode == 1
    assert "check.strict: true and check.fail_on: never disagree" in done.stderr
    site.config("title: Блог\ncheck:\n  fail_on: sometimes\n")
    done = blogbuild("check", "--source", str(site.root))
    assert "check.fail_on: 'sometimes' is not one of error, warning, never" in done.stderr
