"""Files static hosts read from the site's root: `.nojekyll` and `CNAME` for GitHub Pages."""

from __future__ import annotations

from blogbuild.content.config import Config
from blogbuild.hashing import digest
from blogbuild.site.machine import MachineFile

NOJEKYLL = ".nojekyll"
CNAME = "CNAME"


def hosting_files(config: Config, shared: str) -> list[MachineFile]:
    """`.nojekyll` always (GitHub Pages publishing a branch would otherwise run Jekyll over
    the built site, dropping files and folders that start with `_`; elsewhere it is
    harmless), and `CNAME` when the config names a custom domain."""
    files = [MachineFile(NOJEKYLL, digest(f"{shared}|{NOJEKYLL}"), lambda: b"")]
    if config.cname:
        text = f"{config.cname}\n".encode()
        files.append(MachineFile(CNAME, digest(f"{shared}|{CNAME}|{config.cname}"), lambda: text))
    return files
