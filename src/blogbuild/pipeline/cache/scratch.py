"""The throw-away cache of a --no-cache build: in the site's cache folder, named by its
process, so that what a killed build left is found and removed by the next (one in the
system's temporary folder would stay there)."""

from __future__ import annotations

import os
import shutil
from contextlib import suppress
from pathlib import Path

SCRATCH_NAME = "scratch"


def scratch_folder(cache_dir: Path) -> Path:
    """This process's scratch folder (not yet made), once those of dead builds are gone."""
    scratch = cache_dir / SCRATCH_NAME
    with suppress(OSError):
        for name in os.listdir(scratch):
            if not name.isdigit() or not _alive(int(name)):
                shutil.rmtree(scratch / name, ignore_errors=True)
    return scratch / str(os.getpid())


def remove_scratch(folder: Path) -> None:
    """Remove a scratch folder, and the cache folders above it it leaves empty."""
    shutil.rmtree(folder, ignore_errors=True)
    for parent in (folder.parent, folder.parent.parent):
        with suppress(OSError):
            parent.rmdir()


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
