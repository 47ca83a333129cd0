"""The list of files blogbuild wrote into an output folder: only those may it ever remove."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from blogbuild.content.layout import MANIFEST_NAME as MANIFEST_NAME  # where it was first stated

_MARK = "blogbuild output manifest 1"


@dataclass(frozen=True, slots=True)
class Manifest:
    """The files the last build wrote, and the files put there by others it has reported."""

    files: frozenset[str]
    announced: frozenset[str]


def read_manifest(out: Path) -> Manifest | None:
    """The output folder's manifest; None when it has none (or one that does not read)."""
    try:
        data = json.loads((out / MANIFEST_NAME).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("manifest") != _MARK:
        return None
    files, announced = data.get("files"), data.get("kept", [])
    if not isinstance(files, list) or not isinstance(announced, list):
        return None
    if not all(isinstance(item, str) for item in (*files, *announced)):
        return None
    return Manifest(frozenset(files), frozenset(announced))


def manifest_bytes(manifest: Manifest) -> bytes:
    """The manifest as stored: sorted, one file a line, so that it diffs well."""
    data = {"manifest": _MARK, "files": sorted(manifest.files), "kept": sorted(manifest.announced)}
    return (json.dumps(data, ensure_ascii=False, indent=0) + "\n").encode("utf-8")


def refusal() -> str:
    """What to say of a folder that holds files but no manifest."""
    return (
        f"the folder holds files but no {MANIFEST_NAME}, so blogbuild did not write it (or an "
        "older version did) and will not build over it; build with --force to use it anyway "
        "(files there that the build does not make are kept), or choose another --out"
    )


def kept_note(out: Path, kept: list[str]) -> str:
    """The one-time note about files in the output folder that blogbuild did not write."""
    shown = ", ".join(kept[:5]) + (f" and {len(kept) - 5} more" if len(kept) > 5 else "")
    files = "file" if len(kept) == 1 else "files"
    return f"{out}: kept {len(kept)} {files} that blogbuild did not write: {shown}"
