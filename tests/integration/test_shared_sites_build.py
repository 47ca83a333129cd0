"""Each blog of ../shared/sites, built in place as its author keeps it: exit 0, a page (or a
redirect) at every URL its own generator gave a post, and every link between its posts
leading to a page of the output."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest

from blogbuild.content.config import load_config
from blogbuild.content.foreign import default_output
from tests.conftest import SHARED, shared_reason
from tests.integration.clirun import blogbuild
from tests.integration.linkwalk import broken_links

SITES = SHARED / "sites"
NAMES = (
    sorted(p.name for p in SITES.iterdir() if (p / "URLS.tsv").is_file()) if SITES.is_dir() else []
)


def _rows(site: Path) -> list[list[str]]:
    lines = (site / "URLS.tsv").read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


def _generators_page(ref: str, base_path: str, urls: set[str]) -> bool:
    """Whether a link leads to a URL the generator gave a post (an author's link that was
    broken there already, to a wrong date or another project, is not blogbuild's to mend)."""
    path = unquote(ref.split("#", 1)[0].split("?", 1)[0])
    if path.startswith(base_path):
        path = "/" + path[len(base_path) :]
    return any(form in urls for form in (path, path + "/", path.rstrip("/") + "/"))


@pytest.mark.slow
@pytest.mark.skipif(not NAMES, reason=shared_reason("sites"))
@pytest.mark.parametrize("name", NAMES)
def test_a_shared_blog_builds_in_place_with_its_urls_and_links(name: str, tmp_path: Path) -> None:
    site = tmp_path / name
    shutil.copytree(SITES / name, site)
    done = blogbuild("build", "--source", str(site), timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    out = default_output(site.resolve())
    rows = _rows(site)
    missing = []
    for _source, url, kind in (row[:3] for row in rows):
        if kind not in ("post", "alias"):
            continue
        target = out / url.lstrip("/")
        if not (target / "index.html" if url.endswith("/") else target).is_file():
            missing.append(url)
    assert missing == []
    base_path = load_config(site).base_path
    urls = {row[1] for row in rows if row[2] in ("post", "alias")}
    # a link to another post that leads nowhere; a heading the author's own link misses
    # (`#SAC` for `### SAC`) is as broken in the generator's output and is not counted
    between_posts = [
        line for line in broken_links(out, base_path)
        if "(no such id)" not in line
        and _generators_page(line.split(": ", 1)[1].split(" (")[0], base_path, urls)
    ]  # fmt: skip
    assert between_posts == []
