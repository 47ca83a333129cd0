"""Whether the folders blogbuild writes into a Jekyll or Hugo site are left out of its git
repository: a cache or output committed by accident is noise in every later diff."""

from __future__ import annotations

import subprocess
from pathlib import Path


def not_ignored(root: Path, folders: list[str]) -> list[str]:
    """The `folders` (paths from `root`) that the repository `root` is in would track; none
    when `root` is in no repository or git is not installed."""
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "check-ignore", "--", *(f"{name}/" for name in folders)],
            capture_output=True, text=True, timeout=10, check=False,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return []
    if done.returncode not in (0, 1):  # 128: not a repository
        return []
    ignored = {line.rstrip("/") for line in done.stdout.splitlines()}
    return [name for name in folders if name not in ignored]
