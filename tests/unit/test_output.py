from pathlib import Path

import pytest

from blogbuild.build.output import Staging, check_output_folder, write_output
from blogbuild.errors import BlogbuildError


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


def test_removed_pages_disappear_and_unchanged_ones_keep_mtime(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    write_output({"index.html": b"1", "old/index.html": b"x"}, {}, out)
    mtime = (out / "index.html").stat().st_mtime_ns
    report = write_output({"index.html": b"1", "new/index.html": b"y"}, {}, out)
    assert report.unchanged == 1 and report.written == 1
    assert not (out / "old").exists()
    assert (out / "index.html").stat().st_mtime_ns == mtime


def test_failure_while_writing_leaves_the_previous_output(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    write_output({"index.html": b"old"}, {}, out)
    with pytest.raises(FileNotFoundError):
        write_output({"index.html": b"new"}, {"assets/gone.css": tmp_path / "missing.css"}, out)
    assert (out / "index.html").read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist"]


@pytest.mark.parametrize("where", [".", "content", "content/posts/x"])
def test_output_may_not_swallow_the_sources(tmp_path: Path, where: str) -> None:
    (tmp_path / "content" / "posts").mkdir(parents=True)
    with pytest.raises(BlogbuildError):
        check_output_folder(tmp_path / where, tmp_path)


def test_staging_lives_inside_the_output_and_is_gone_after_commit(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    write_output({"index.html": b"1", "feed": b"a file"}, {}, out)
    staging = Staging(out)
    assert staging.folder.parent == out
    staging.put("index.html", b"2")
    staging.put("feed/index.html", b"now a folder")
    staging.commit()
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        "feed/index.html",
        "index.html",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist"]


def test_aborted_first_build_leaves_no_folder(tmp_path: Path) -> None:
    staging = Staging(tmp_path / "dist")
    staging.put("index.html", b"1")
    staging.abort()
    assert list(tmp_path.iterdir()) == []


def test_a_folder_of_pages_can_become_one_file_and_back(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    write_output({"index.html": b"1", "feed/index.html": b"a", "feed/page/2.html": b"b"}, {}, out)
    write_output({"index.html": b"1", "feed": b"now a file"}, {}, out)
    assert (out / "feed").read_bytes() == b"now a file"
    write_output({"index.html": b"1", "feed/index.html": b"a folder again"}, {}, out)
    assert (out / "feed" / "index.html").read_bytes() == b"a folder again"
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert files == ["feed/index.html", "index.html"]


def test_what_an_interrupted_build_left_staged_is_not_part_of_the_site(tmp_path: Path) -> None:
    """The build lists the output folder while it plans, before staging clears leftovers."""
    from blogbuild.build.output import STAGING_NAME, folder_contents

    out = tmp_path / "dist"
    write_output({"index.html": b"1", "posts/a/index.html": b"a"}, {}, out)
    (out / STAGING_NAME / "posts" / "b").mkdir(parents=True)
    (out / STAGING_NAME / "posts" / "b" / "index.html").write_bytes(b"half-written")
    (out / STAGING_NAME / "empty").mkdir()
    files, empty = folder_contents(out)
    assert sorted(files) == ["index.html", "posts/a/index.html"]
    assert empty == set()
    staging = Staging(out, (files, empty))
    staging.put("index.html", b"2")
    staging.reuse("posts/a/index.html")
    staging.commit()
    found = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert found == ["index.html", "posts/a/index.html"]
    assert not (out / STAGING_NAME).exists()
