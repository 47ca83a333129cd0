import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from blogbuild.errors import BlogbuildError, BuildFailed
from blogbuild.pipeline.output import swap
from blogbuild.pipeline.output.manifest import MANIFEST_NAME
from blogbuild.pipeline.output.staging import (
    STAGING_NAME,
    Staging,
    check_output_folder,
    write_output,
)


def _files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_writes_pages_and_files_then_swaps(tmp_path: Path) -> None:
    asset = tmp_path / "style.css"
    asset.write_text("body{}", encoding="utf-8")
    out = tmp_path / "dist"
    report = write_output(
        {"index.html": b"<p>1</p>", "posts/a/index.html": b"a"}, {"assets/style.css": asset}, out
    )
    assert report.written == 3 and report.unchanged == 0
    assert (out / "posts" / "a" / "index.html").read_bytes() == b"a"
    assert (out / "assets" / "style.css").read_text(encoding="utf-8") == "body{}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist", "style.css"]
    manifest = json.loads((out / MANIFEST_NAME).read_bytes())
    assert manifest["files"] == ["assets/style.css", "index.html", "posts/a/index.html"]


def test_removed_pages_disappear_and_unchanged_ones_keep_inode_and_mtime(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    write_output({"index.html": b"1", "old/index.html": b"x"}, {}, out)
    before = (out / "index.html").stat()
    report = write_output({"index.html": b"1", "new/index.html": b"y"}, {}, out)
    assert report.unchanged == 1 and report.written == 1
    assert not (out / "old").exists()
    after = (out / "index.html").stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist"]


def test_failure_while_writing_leaves_the_previous_output(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    write_output({"index.html": b"old"}, {}, out)
    with pytest.raises(FileNotFoundError):
        write_output({"index.html": b"new"}, {"assets/gone.css": tmp_path / "missing.css"}, out)
    assert (out / "index.html").read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist"]


@pytest.mark.parametrize(
    "where", [".", "content", "content/posts/x", ".blogbuild-cache", "static/x", "assets"]
)
def test_output_may_not_swallow_the_sources(tmp_path: Path, where: str) -> None:
    (tmp_path / "content" / "posts").mkdir(parents=True)
    with pytest.raises(BlogbuildError):
        check_output_folder(tmp_path / where, tmp_path)


def test_a_folder_blogbuild_did_not_write_is_refused_unless_forced(tmp_path: Path) -> None:
    out = tmp_path / "mine"
    (out / "photos").mkdir(parents=True)
    (out / "photos" / "me.jpg").write_bytes(b"jpeg")
    (out / "cv.pdf").write_bytes(b"pdf")
    with pytest.raises(BlogbuildError, match="--force"):
        check_output_folder(out, tmp_path / "site")
    with pytest.raises(BlogbuildError, match="--force"):
        write_output({"index.html": b"1"}, {}, out)
    assert _files(out) == ["cv.pdf", "photos/me.jpg"]
    write_output({"index.html": b"1"}, {}, out, force=True)
    assert _files(out) == [MANIFEST_NAME, "cv.pdf", "index.html", "photos/me.jpg"]
    check_output_folder(out, tmp_path / "site")  # now it has a manifest


def test_files_put_there_by_hand_survive_and_are_mentioned_once(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    write_output({"index.html": b"1", "posts/a/index.html": b"a"}, {}, out)
    (out / "CNAME").write_text("blog.example.org\n", encoding="utf-8")
    (out / ".nojekyll").write_bytes(b"")
    (out / "posts" / "a" / "photo.jpg").write_bytes(b"jpeg")
    (out / "empty").mkdir()
    staging = Staging(out)
    staging.put("index.html", b"2")
    staging.commit()
    kept = [".nojekyll", "CNAME", "index.html", "posts/a/photo.jpg"]
    assert _files(out) == [".blogbuild-manifest.json", *kept]
    assert (out / "empty").is_dir()
    assert len(staging.notes) == 1 and "kept 3 files" in staging.notes[0]
    assert "CNAME" in staging.notes[0] and "posts/a/photo.jpg" in staging.notes[0]
    again = Staging(out)
    again.put("index.html", b"3")
    again.commit()
    assert again.notes == []
    assert (out / "CNAME").read_text(encoding="utf-8") == "blog.example.org\n"


def test_a_file_of_the_build_never_replaces_one_put_there_by_hand(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    write_output({"index.html": b"1"}, {}, out)
    (out / "CNAME").write_bytes(b"mine\n")
    (out / "feed").write_bytes(b"a file by hand")
    (out / "same.txt").write_bytes(b"same")
    pages = {"index.html": b"1", "CNAME": b"theirs\n", "feed/index.xml": b"x", "same.txt": b"same"}
    with pytest.raises(BuildFailed) as failed:
        write_output(pages, {}, out)
    assert sorted(Path(p.path).name for p in failed.value.problems) == ["CNAME", "feed"]
    assert (out / "CNAME").read_bytes() == b"mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist"]
    write_output(pages, {}, out, force=True)
    assert (out / "CNAME").read_bytes() == b"theirs\n"
    assert (out / "feed" / "index.xml").read_bytes() == b"x"


def test_a_folder_of_pages_can_become_one_file_and_back(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    write_output({"index.html": b"1", "feed/index.html": b"a", "feed/page/2.html": b"b"}, {}, out)
    write_output({"index.html": b"1", "feed": b"now a file"}, {}, out)
    assert (out / "feed").read_bytes() == b"now a file"
    write_output({"index.html": b"1", "feed/index.html": b"a folder again"}, {}, out)
    assert (out / "feed" / "index.html").read_bytes() == b"a folder again"
    assert _files(out) == [MANIFEST_NAME, "feed/index.html", "index.html"]


def test_the_new_tree_is_built_beside_the_output_and_never_left_there(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    staging = Staging(out)
    assert staging.folder.parent == tmp_path and staging.folder.name.endswith(".new")
    staging.put("index.html", b"1")
    staging.abort()
    assert list(tmp_path.iterdir()) == []
    write_output({"index.html": b"1"}, {}, out)
    staging = Staging(out)
    staging.put("index.html", b"2")
    assert (out / "index.html").read_bytes() == b"1"  # nothing changes before commit
    staging.commit()
    assert (out / "index.html").read_bytes() == b"2"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist"]


def test_what_killed_builds_left_beside_the_output_is_removed(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    write_output({"index.html": b"1"}, {}, out)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    (tmp_path / f".dist.{dead}.new" / "posts").mkdir(parents=True)
    (tmp_path / f".dist.{dead}.new" / "posts" / "x.html").write_bytes(b"half")
    (out / STAGING_NAME).mkdir()  # from older versions, which staged inside the folder
    write_output({"index.html": b"2"}, {}, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist"]
    assert _files(out) == [MANIFEST_NAME, "index.html"]


def test_a_build_killed_between_the_fallback_renames_gets_its_site_back(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    write_output({"index.html": b"1"}, {}, out)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    out.rename(tmp_path / f".dist.{dead}.old")
    staging = Staging(out)
    assert staging.before.keys() == {"index.html"}
    staging.reuse("index.html")
    staging.commit()
    assert (out / "index.html").read_bytes() == b"1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist"]


def test_exchange_swaps_two_folders(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one").write_bytes(b"a")
    (tmp_path / "b").mkdir()
    if not swap.exchange(tmp_path / "a", tmp_path / "b"):
        pytest.skip("no atomic exchange on this system")  # the fallback is tested below
    assert (tmp_path / "b" / "one").read_bytes() == b"a"
    assert list((tmp_path / "a").iterdir()) == []


def test_without_an_exchange_the_fallback_renames(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(swap, "exchange", lambda a, b: False)
    out = tmp_path / "dist"
    write_output({"index.html": b"1", "a.html": b"a"}, {}, out)
    inode = (out / "a.html").stat().st_ino
    write_output({"index.html": b"2", "a.html": b"a"}, {}, out)
    assert (out / "index.html").read_bytes() == b"2"
    assert (out / "a.html").stat().st_ino == inode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist"]


def test_a_symlinked_output_folder_is_replaced_where_it_points(tmp_path: Path) -> None:
    real = tmp_path / "real"
    write_output({"index.html": b"1"}, {}, real)
    os.symlink(real, tmp_path / "dist")
    write_output({"index.html": b"2"}, {}, tmp_path / "dist")
    assert (tmp_path / "dist").is_symlink()
    assert (real / "index.html").read_bytes() == b"2"


def _tree_of(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _folders(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_dir())


def test_the_replaced_tree_is_kept_as_the_next_builds_and_brought_up_to_date(
    tmp_path: Path,
) -> None:
    out, spare = tmp_path / "dist", tmp_path / "cache" / "spare"
    sites = [
        {"index.html": b"1", "posts/a/index.html": b"a", "feed": b"f", "old/x.html": b"x"},
        {"index.html": b"2", "posts/a/index.html": b"a", "feed/index.xml": b"g"},
        {"index.html": b"3", "posts/a/index.html": b"a2", "feed": b"f", "new/y.html": b"y"},
        {"index.html": b"3", "posts/a/index.html": b"a2", "feed": b"f", "new/y.html": b"y"},
    ]
    for n, pages in enumerate(sites):
        inode = (out / "posts" / "a" / "index.html").stat().st_ino if out.exists() else None
        write_output(pages, {}, out, spare=spare)
        assert _tree_of(out) == {**pages, MANIFEST_NAME: (out / MANIFEST_NAME).read_bytes()}
        assert _folders(out) == sorted({p.rsplit("/", 1)[0] for p in pages if "/" in p} | (
            {"posts"} if "posts/a/index.html" in pages else set()))  # fmt: skip
        if n == 1:
            assert (out / "posts" / "a" / "index.html").stat().st_ino == inode
        assert {p.name for p in tmp_path.iterdir()} <= {"cache", "dist"}
        assert spare.is_dir() or n == 0  # the first build replaced nothing


def test_whatever_the_spare_tree_holds_the_output_is_exact(tmp_path: Path) -> None:
    out, spare = tmp_path / "dist", tmp_path / "spare"
    pages = {"index.html": b"1", "posts/a/index.html": b"a", "posts/b/index.html": b"b"}
    write_output(pages, {}, out, spare=spare)
    write_output({**pages, "index.html": b"2"}, {}, out, spare=spare)
    (spare / "junk.html").write_bytes(b"junk")
    (spare / "posts" / "a" / "index.html").unlink()
    (spare / "posts" / "a" / "index.html").mkdir()  # a folder where a page goes
    (spare / "posts" / "b" / "index.html").unlink()
    (spare / "posts" / "b" / "index.html").write_bytes(b"wrong bytes, own inode")
    (spare / "empty" / "deep").mkdir(parents=True)
    live = (out / "index.html").read_bytes()
    write_output({**pages, "index.html": b"3"}, {}, out, spare=spare)
    assert live == b"2"
    assert _tree_of(out) == {
        **pages,
        "index.html": b"3",
        MANIFEST_NAME: (out / MANIFEST_NAME).read_bytes(),
    }
    assert _folders(out) == ["posts", "posts/a", "posts/b"]


def test_a_write_never_goes_into_a_file_the_live_site_shares(tmp_path: Path) -> None:
    out, spare = tmp_path / "dist", tmp_path / "spare"
    write_output({"index.html": b"1", "a.html": b"a"}, {}, out, spare=spare)
    write_output({"index.html": b"2", "a.html": b"a"}, {}, out, spare=spare)
    # the spare's a.html is the live a.html (one inode); a new a.html must not write into it
    assert (spare / "a.html").stat().st_ino == (out / "a.html").stat().st_ino
    staging = Staging(out, spare=spare)
    staging.put("index.html", b"2")
    staging.put("a.html", b"changed")
    assert (out / "a.html").read_bytes() == b"a"
    staging.abort()
    assert (out / "a.html").read_bytes() == b"a"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist", "spare"]


def test_an_interrupt_while_the_new_tree_is_made_leaves_nothing_beside_the_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C lands where a large site's folders are made: the sibling tree goes too."""
    from blogbuild.pipeline.output import newtree

    out = tmp_path / "dist"

    def interrupted(root: Path, folders: set[str]) -> None:
        (root / "posts").mkdir()
        raise KeyboardInterrupt

    monkeypatch.setattr(newtree, "make_folders", interrupted)
    with pytest.raises(KeyboardInterrupt):
        newtree.NewTree(out, None, {"posts", "tags"})
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("spare", [False, True])
def test_folders_keep_their_mode_and_owner_across_builds(tmp_path: Path, spare: bool) -> None:
    out, kept = tmp_path / "dist", tmp_path / "cache" / "spare" if spare else None
    write_output({"index.html": b"1", "posts/a/index.html": b"a"}, {}, out, spare=kept)
    (out / "private").mkdir()
    (out / "private" / "notes.txt").write_bytes(b"mine")
    for folder, mode in ((out / "private", 0o700), (out / "posts", 0o750), (out, 0o711)):
        folder.chmod(mode)
        os.chown(folder, 1234, 4321)
    for _ in range(2):  # the second build starts from the spare tree
        write_output({"index.html": b"2", "posts/a/index.html": b"b"}, {}, out, spare=kept)
        for folder, mode in ((out / "private", 0o700), (out / "posts", 0o750), (out, 0o711)):
            stat = folder.stat()
            assert (stat.st_mode & 0o7777, stat.st_uid, stat.st_gid) == (mode, 1234, 4321)
    assert (out / "private" / "notes.txt").read_bytes() == b"mine"


def test_a_worktree_of_the_sites_own_repository_may_be_the_output(tmp_path: Path) -> None:
    site, out = tmp_path / "site", tmp_path / "pages"
    linked = site / ".git" / "worktrees" / "pages"
    linked.mkdir(parents=True)
    (linked / "commondir").write_text("../..\n", encoding="utf-8")
    out.mkdir()
    (out / ".git").write_text(f"gitdir: {linked}\n", encoding="utf-8")
    check_output_folder(out, site, force=True)
    (tmp_path / "other" / ".git").mkdir(parents=True)
    with pytest.raises(BlogbuildError, match="of another repository"):
        check_output_folder(tmp_path / "other", site, force=True)
