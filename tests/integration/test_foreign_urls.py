"""A Jekyll or Hugo blog of ../shared/sites, read in place, gives every post the URL its own
generator gave it (URLS.tsv), and its drafts and aliases theirs."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from blogbuild.content.config import load_config
from blogbuild.content.loader import LoadOptions, load_posts
from blogbuild.errors import Problems
from tests.conftest import SHARED, shared_reason

SITES = SHARED / "sites"
NAMES = (
    sorted(p.name for p in SITES.iterdir() if (p / "URLS.tsv").is_file()) if SITES.is_dir() else []
)


def _rows(site: Path) -> list[tuple[str, str, str]]:
    lines = (site / "URLS.tsv").read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t")[:3]) for line in lines if line and not line.startswith("#")]  # type: ignore[misc]


@pytest.mark.skipif(not NAMES, reason=shared_reason("sites"))
@pytest.mark.parametrize("name", NAMES)
def test_every_post_keeps_its_generators_url(name: str) -> None:
    site = SITES / name
    config = load_config(site)
    problems = Problems()
    now = datetime(2100, 1, 1, tzinfo=UTC)
    loaded = load_posts(config, LoadOptions(drafts=True, future=True), now, problems)
    prefix = config.root.relative_to(site).as_posix()
    by_source = {
        (f"{prefix}/{post.source_path}" if prefix != "." else post.source_path): post
        for post in loaded.posts
    }
    wrong = []
    for source, url, kind in _rows(site):
        post = by_source.get(source)
        if kind in ("post", "draft-skipped"):
            if post is None or post.url != url:
                wrong.append((source, url, post.url if post else "not loaded"))
            elif (kind == "draft-skipped") != post.draft:
                wrong.append((source, kind, "draft" if post.draft else "published"))
        elif kind == "alias" and (post is None or url not in post.aliases):
            wrong.append((source, url, post.aliases if post else "not loaded"))
    assert wrong == []
    assert not problems.errors


@pytest.mark.skipif(not NAMES, reason=shared_reason("sites"))
@pytest.mark.parametrize("name", NAMES)
def test_the_generators_settings_are_read_and_the_unused_ones_named_once(name: str) -> None:
    config = load_config(SITES / name)
    assert config.layout.generator in ("jekyll", "hugo")
    assert config.layout.summary.startswith(("Jekyll site", "Hugo site"))
    unused = [n for n in config.notices if n.message.startswith("not used by blogbuild")]
    assert len(unused) <= 1
    assert config.title not in ("", "Блог")  # the site's own title, not blogbuild's default
