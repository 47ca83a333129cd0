"""`blogbuild init` makes a site that builds and checks clean; `blogbuild new` starts drafts."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

from blogbuild.content.config import SETTINGS, load_config
from tests.integration.clirun import blogbuild
from tests.integration.linkwalk import broken_links

STARTER = [
    ".github/workflows/publish.yml",
    ".gitignore",
    "blogbuild.yaml",
    "content/pages/about.md",
    "requirements.txt",
]


def _front_matter(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    loaded = yaml.safe_load(text.split("---\n")[1])
    assert isinstance(loaded, dict)
    return loaded


def _written(stdout: str) -> Path:
    return Path(stdout.strip().splitlines()[-1])


def test_init_new_post_and_build_give_a_site_whose_links_and_check_are_clean(
    tmp_path: Path,
) -> None:
    site = tmp_path / "blog"
    made = blogbuild("init", str(site), cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    for rel in STARTER:
        assert (site / rel).is_file(), rel
        assert f"  {rel}\n" in made.stdout
    assert (site / "static").is_dir()
    (welcome,) = (site / "content" / "posts").iterdir()
    config_text = (site / "blogbuild.yaml").read_text(encoding="utf-8")
    for declared in SETTINGS:
        assert f"{declared.key.rpartition('.')[2]}:" in config_text, declared.key
    assert ".blogbuild-cache/" in (site / ".gitignore").read_text().splitlines()
    assert "/dist/" in (site / ".gitignore").read_text().splitlines()
    workflow = yaml.safe_load((site / ".github/workflows/publish.yml").read_text())
    assert "actions/deploy-pages" in str(workflow["jobs"]["deploy"])

    new = blogbuild("new", "post", "Первая статья", cwd=site)
    assert new.returncode == 0, new.stderr
    assert (site / _written(new.stdout)).is_file()
    built = blogbuild("build", cwd=site)
    assert built.returncode == 0, built.stderr
    assert "1 draft left out" in built.stdout
    dist = site / "dist"
    assert welcome.name.endswith("-dobro-pozhalovat.md")
    assert "Добро пожаловать" in (dist / "posts" / "dobro-pozhalovat" / "index.html").read_text()
    assert broken_links(dist) == []
    # the starter's content/pages/about.md is a page: at /about/, undated, in no list
    about = (dist / "about" / "index.html").read_text(encoding="utf-8")
    assert '<meta property="og:type" content="website">' in about and "<time" not in about
    assert "/about/" in (dist / "sitemap.xml").read_text(encoding="utf-8")
    assert "/about/" not in (dist / "index.html").read_text(encoding="utf-8").split("<main")[1]
    assert "## Pages\n\n- [" in (dist / "llms.txt").read_text(encoding="utf-8")
    # `menu: true`: in the header of every page, marked where it is the page itself
    assert '<a href="/about/" aria-current="page">' in about
    assert '<a href="/about/">' in (dist / "index.html").read_text(encoding="utf-8")
    checked = blogbuild("check", cwd=site)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout == "" and "no findings" in checked.stderr
    with_drafts = blogbuild("build", "--drafts", cwd=site)
    assert with_drafts.returncode == 0, with_drafts.stderr
    assert broken_links(dist) == []


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    site = tmp_path / "blog"
    site.mkdir()
    (site / "notes.txt").write_text("мои заметки\n", encoding="utf-8")
    done = blogbuild("init", str(site), cwd=tmp_path)
    assert done.returncode == 1
    assert "blog/ is not empty" in done.stderr and "--force" in done.stderr
    assert [p.name for p in site.iterdir()] == ["notes.txt"]


def test_init_force_adds_only_what_is_missing_and_lists_it(tmp_path: Path) -> None:
    site = tmp_path / "blog"
    (site / "content" / "posts").mkdir(parents=True)
    (site / "blogbuild.yaml").write_text("title: Мой блог\ntimezone: Asia/Tokyo\n")
    post = site / "content" / "posts" / "2025-01-01-moya.md"
    post.write_text("---\ntitle: Моя\n---\nТекст.\n", encoding="utf-8")
    done = blogbuild("init", "--force", str(site), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    listed = [line.strip() for line in done.stdout.splitlines() if line.startswith("  ")]
    assert listed == sorted({*STARTER, "static/"} - {"blogbuild.yaml"})
    assert (site / "blogbuild.yaml").read_text() == "title: Мой блог\ntimezone: Asia/Tokyo\n"
    assert [p.name for p in post.parent.iterdir()] == ["2025-01-01-moya.md"]  # no welcome post
    again = blogbuild("init", "--force", str(site), cwd=tmp_path)
    assert again.returncode == 0 and "Nothing to add" in again.stdout


def test_new_post_is_named_by_its_transliterated_title_and_dated_in_the_site_zone(
    tmp_path: Path,
) -> None:
    # the zone furthest from UTC: its date is another day's for much of the day
    (tmp_path / "blogbuild.yaml").write_text("timezone: Pacific/Kiritimati\n")
    zone = ZoneInfo("Pacific/Kiritimati")
    before = datetime.now(zone).replace(microsecond=0)
    done = blogbuild("new", "post", "Заголовок статьи", cwd=tmp_path)
    after = datetime.now(zone)
    assert done.returncode == 0, done.stderr
    written = _written(done.stdout)
    assert written.parent == Path("content/posts")
    assert written.name in {f"{d:%Y-%m-%d}-zagolovok-statyi.md" for d in (before, after)}
    meta = _front_matter(tmp_path / written)
    date = datetime.strptime(str(meta["date"]), "%Y-%m-%d %H:%M:%S %z")
    assert date.utcoffset() == timedelta(hours=14)
    assert before <= date <= after
    assert meta["title"] == "Заголовок статьи" and meta["draft"] is True
    assert meta["categories"] == [] and meta["tags"] == [] and meta["description"] == ""
    assert "\n# ai:\n#   model: " in (tmp_path / written).read_text(encoding="utf-8")
    load_config(tmp_path)  # the site's config is left as it was, and valid


def test_new_never_overwrites_a_file(tmp_path: Path) -> None:
    first = blogbuild("new", "page", "О блоге", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    written = tmp_path / _written(first.stdout)
    assert written == tmp_path / "content" / "pages" / "o-bloge.md"
    written.write_text("моя страница\n", encoding="utf-8")
    second = blogbuild("new", "page", "О блоге", cwd=tmp_path)
    assert second.returncode == 1
    assert "content/pages/o-bloge.md already exists; nothing was written" in second.stderr
    assert written.read_text(encoding="utf-8") == "моя страница\n"


def test_new_bundle_makes_a_folder_with_index_md(tmp_path: Path) -> None:
    done = blogbuild("new", "post", "Модели и данные", "--bundle", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert _written(done.stdout) == Path("content/posts/modeli-i-dannye/index.md")
    built = blogbuild("build", "--drafts", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "dist" / "posts" / "modeli-i-dannye" / "index.html").is_file()


def test_new_refuses_a_title_without_letters(tmp_path: Path) -> None:
    done = blogbuild("new", "post", "!!!", cwd=tmp_path)
    assert done.returncode == 2
    assert "no letter or digit" in done.stderr
    assert not (tmp_path / "content").exists()
