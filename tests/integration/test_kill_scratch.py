"""What a killed --no-cache build leaves, the next build removes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import SiteMaker
from tests.integration.clirun import REPO


def _scratch(site: SiteMaker, temp: Path) -> list[Path]:
    """Every throw-away cache of a build, wherever it may be."""
    return [*temp.glob("blogbuild-*"), *(site.root / ".blogbuild-cache").glob("scratch/*")]


def test_a_killed_no_cache_build_leaves_nothing_the_next_build_keeps(
    site: SiteMaker, tmp_path: Path
) -> None:
    for n in range(40):
        site.post(
            f"2025-01-{1 + n % 28:02d}-p{n}.md", f"---\ntitle: P{n}\n---\nText {n}.\n", raw=True
        )
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "NO_COLOR": "1", "TMPDIR": str(temp)}
    command = [sys.executable, "-m", "blogbuild", "build", "--source", str(site.root)]
    build = subprocess.Popen([*command, "--no-cache"], env=env, start_new_session=True)
    deadline = time.monotonic() + 60
    while not _scratch(site, temp) and build.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.killpg(build.pid, signal.SIGKILL)
    build.wait(timeout=30)
    assert _scratch(site, temp), "the build ended before it made its scratch folder"
    done = subprocess.run([*command, "--no-cache"], env=env, capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert _scratch(site, temp) == []
    assert list(temp.iterdir()) == []
