"""The repository's own blog builds to exactly the files listed in tests/golden/repo-blog.sha256.

Any change meant to be invisible (speed work above all) must leave every output byte as it
was. When the output changes on purpose, regenerate the listing and review its diff:

    PYTHONPATH=src python -m blogbuild build --source . --out /tmp/repo-blog --no-cache
    (cd /tmp/repo-blog && find . -type f | sort | xargs sha256sum) > tests/golden/repo-blog.sha256
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.integration.clirun import REPO, blogbuild

LISTING = REPO / "tests" / "golden" / "repo-blog.sha256"


def _listing(text: str) -> dict[str, str]:
    digests = {}
    for line in text.splitlines():
        digest, name = line.split(maxsplit=1)
        digests[name.removeprefix("./")] = digest
    return digests


@pytest.mark.slow
def test_repo_blog_output_is_byte_identical_to_the_listing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = blogbuild("build", "--source", str(REPO), "--out", str(out), "--no-cache")
    assert done.returncode == 0, done.stderr
    built = {
        path.relative_to(out).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(out.rglob("*"))
        if path.is_file()
    }
    expected = _listing(LISTING.read_text(encoding="utf-8"))
    assert sorted(built) == sorted(expected), "files added or missing"
    changed = [name for name in expected if built[name] != expected[name]]
    assert not changed, f"changed: {changed}"
