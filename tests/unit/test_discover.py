from pathlib import Path

from blogbuild.content.discover import discover


def _tree(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")


def test_bundles_drafts_and_special_files(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        "a/index.md", "a/cover.png", "a/data/t.csv", "a/sub/note.md",
        "b.md", "b/pic.png",
        "c.md", "stray.png", "_index.md", "_partial.md", ".hidden.md",
        "_drafts/idea.md",
    )  # fmt: skip
    found = discover(str(tmp_path), tmp_path.resolve())
    rel = [Path(p).relative_to(tmp_path).as_posix() for p in found.posts]
    assert rel == ["_drafts/idea.md", "a/index.md", "b.md", "c.md"]
    assert [Path(p).relative_to(tmp_path).as_posix() for p in found.drafts] == ["_drafts/idea.md"]
    resources = {
        Path(post).relative_to(tmp_path).as_posix(): sorted(
            Path(f).relative_to(tmp_path).as_posix() for f in files
        )
        for post, (_, files) in found.resources.items()
    }
    assert resources == {
        "a/index.md": ["a/cover.png", "a/data/t.csv", "a/sub/note.md"],
        "b.md": ["b/pic.png"],
    }
    skipped = {Path(p).relative_to(tmp_path).as_posix(): why for p, why in found.skipped}
    assert set(skipped) == {"stray.png", "_index.md", "_partial.md"}
    assert "section page" in skipped["_index.md"]


def test_links_out_of_the_site_are_neither_posts_nor_bundle_files(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _tree(site, "a/index.md")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    (site / "a" / "stolen.txt").symlink_to(tmp_path / "secret.txt")
    (site / "linked.md").symlink_to(tmp_path / "secret.txt")
    found = discover(str(site), site.resolve())
    assert [Path(p).name for p in found.posts] == ["index.md"]
    assert found.resources[str(site / "a" / "index.md")][1] == ()
    assert sorted(Path(p).name for p, _ in found.skipped) == ["linked.md", "stolen.txt"]
    assert all("outside the site" in why for _, why in found.skipped)
