"""The one rule for what a build reads: links are followed only when they stay inside."""

from __future__ import annotations

import os
from pathlib import Path

import jinja2
import pytest

from blogbuild.content.confined import ConfinedLoader, RefusedTemplate
from blogbuild.content.sources import confined_files, outside_reason


def _site(tmp_path: Path) -> tuple[Path, Path]:
    root, outside = tmp_path / "site", tmp_path / "outside"
    (root / "templates" / "own").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.html").write_text("MARKER-SECRET", encoding="utf-8")
    (root / "templates" / "own" / "a.html").write_text("own", encoding="utf-8")
    os.symlink(outside / "secret.html", root / "templates" / "leak.html")
    os.symlink(outside, root / "templates" / "linked")
    os.symlink(root / "templates" / "own", root / "templates" / "inside")
    os.symlink(root / "templates", root / "templates" / "own" / "loop")
    return root, outside


def test_outside_reason_names_where_a_link_leads(tmp_path: Path) -> None:
    root, outside = _site(tmp_path)
    leak = root / "templates" / "leak.html"
    expected = f"a link to a file outside the site ({outside / 'secret.html'}): not followed"
    assert outside_reason(leak, root.resolve()) == expected
    via_folder = root / "templates" / "linked" / "secret.html"
    assert outside_reason(via_folder, root.resolve()) == expected
    assert outside_reason(root / "templates" / "inside" / "a.html", root.resolve()) is None


def test_confined_files_leave_out_links_out_and_enter_linked_folders_inside(
    tmp_path: Path,
) -> None:
    root, _ = _site(tmp_path)
    names = [p.relative_to(root).as_posix() for p in confined_files(root / "templates", root)]
    assert "templates/leak.html" not in names
    assert not any(name.startswith("templates/linked/") for name in names)
    assert "templates/inside/a.html" in names or "templates/own/a.html" in names


def test_the_loader_refuses_a_link_out_and_reads_one_inside(tmp_path: Path) -> None:
    root, _ = _site(tmp_path)
    env = jinja2.Environment(
        loader=ConfinedLoader([(str(root / "templates"), root.resolve(), "the site")])
    )
    assert env.get_template("inside/a.html").render() == "own"
    with pytest.raises(RefusedTemplate) as refused:
        env.get_template("linked/secret.html")
    assert refused.value.shown == "templates/linked/secret.html"
    assert "outside the site" in refused.value.reason
