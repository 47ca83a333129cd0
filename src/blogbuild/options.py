"""What a person asks a build for; kept apart so the command line starts without heavy imports."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

OWN_OUTPUT = "dist"  # a blogbuild site's output folder, inside the site


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """What the person asked for on the command line."""

    source: Path
    out: Path | None = None
    drafts: bool = False
    future: bool = False
    base_url: str | None = None
    use_cache: bool = True
    workers: int = 0  # 0: one per core
    force: bool = False  # build into an output folder that blogbuild did not write

    @property
    def out_dir(self) -> Path:
        """`--out`; the command line gives a Jekyll or Hugo site its generator's folder."""
        return self.out if self.out is not None else self.source / OWN_OUTPUT
