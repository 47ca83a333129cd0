"""A build killed at any moment leaves dist/ the old complete site or the new one, and no
process of it alive."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.integration.clirun import REPO

pytestmark = pytest.mark.slow

POSTS = 200
TRIES = 20
TEMPLATE = "templates/partials/post_meta.html"


def _command(root: Path, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "blogbuild",
        "build",
        "--source",
        str(root),
        "--jobs",
        "2",
        *extra,
    ]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO / "src"), "NO_COLOR": "1"}


def _hashes(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _post(n: int, edited: bool) -> str:
    words = "Новый абзац о внимании." if edited and n % 6 == 0 else "Абзац о моделях."
    return (
        f"---\ntitle: Пост {n}\ndate: 2024-{1 + n % 12:02d}-{1 + n % 28:02d} 10:{n % 60:02d}:00\n"
        f"categories: [Раздел {n % 7}]\ntags: [тег{n % 11}, тег{n % 5}]\n---\n"
        f"Первый абзац поста {n}. {words}\n\n## Часть\n\nТекст {n}.\n"
    )


def _write_state(root: Path, edited: bool) -> None:
    """The site as version A (`edited` False) or B: another post template and some posts."""
    posts = root / "content" / "posts"
    posts.mkdir(parents=True, exist_ok=True)
    for n in range(POSTS):
        (posts / f"post-{n:03d}.md").write_text(_post(n, edited), encoding="utf-8")
    template = root / TEMPLATE
    if edited:
        template.parent.mkdir(parents=True, exist_ok=True)
        template.write_text('<p class="meta">B: {{ post.date | long_date }}</p>\n', "utf-8")
    else:
        template.unlink(missing_ok=True)


def _complete_site(tmp_path: Path, edited: bool) -> dict[str, str]:
    root = tmp_path / ("b" if edited else "a")
    _write_state(root, edited)
    done = subprocess.run(_command(root), env=_env(), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return _hashes(root / "dist")


def _gone(group: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.02)
    return False


def test_a_killed_build_leaves_the_old_site_or_the_new_one(tmp_path: Path) -> None:
    sites = {False: _complete_site(tmp_path, False), True: _complete_site(tmp_path, True)}
    assert sites[False] != sites[True]
    root = tmp_path / "site"
    _write_state(root, False)
    started = time.perf_counter()
    subprocess.run(_command(root), env=_env(), capture_output=True, check=True, timeout=300)
    longest = time.perf_counter() - started
    rng = random.Random(15)
    state = False
    outcomes = {"old": 0, "new": 0}
    for _ in range(TRIES):
        written = not state
        _write_state(root, written)
        build = subprocess.Popen(
            _command(root), env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            start_new_session=True,
        )  # fmt: skip
        time.sleep(rng.uniform(0.05, longest * 1.1))
        build.send_signal(signal.SIGKILL)
        # the pipes close only when no worker holds them: `blogbuild build | cat` returns
        build.communicate(timeout=10)
        assert _gone(build.pid, 5), "a worker outlived the killed build"
        found = _hashes(root / "dist")
        assert found in (sites[state], sites[not state]), "dist/ is a mix of two builds"
        if found == sites[not state]:
            state = not state
            outcomes["new"] += 1
        else:
            outcomes["old"] += 1
    done = subprocess.run(_command(root), env=_env(), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert _hashes(root / "dist") == sites[written]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b", "site"]
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".")) == [".blogbuild-cache"]
    print(outcomes)


def test_ctrl_c_stops_the_build_without_a_traceback(tmp_path: Path) -> None:
    root = tmp_path / "site"
    _write_state(root, False)
    subprocess.run(_command(root), env=_env(), capture_output=True, check=True, timeout=300)
    before = _hashes(root / "dist")
    _write_state(root, True)
    build = subprocess.Popen(
        _command(root, "--no-cache"), env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, start_new_session=True,
    )  # fmt: skip
    time.sleep(1.0)
    os.killpg(build.pid, signal.SIGINT)  # as a terminal sends it: to the whole group
    _out, err = build.communicate(timeout=30)
    assert _gone(build.pid, 5)
    assert "Traceback" not in err, err
    if build.returncode == 130 and "holds the new site" in err:
        # The signal came during the swap, which is not interrupted: said as it is.
        assert "Interrupted once the build had finished" in err
        assert _hashes(root / "dist") != before
    elif build.returncode == 130:
        assert "Interrupted; " in err and "dist/ unchanged." in err
        assert _hashes(root / "dist") == before
    else:  # the machine was quick: it finished first
        assert build.returncode == 0, err
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".")) == [".blogbuild-cache"]
    shutil.rmtree(root)
