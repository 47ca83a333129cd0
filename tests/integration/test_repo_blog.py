"""The repository is itself a blog: building it shows the user's five articles properly."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.integration.clirun import REPO, blogbuild
from tests.seed_findings import copy_seed_blog

SLUGS = {
    "generativnye-modeli": "Генеративные модели",
    "revolyucionnye-generativnye-modeli-2025": "Генеративные модели 2025: чего ждать",
    "top-5-sekretov-generativnogo-ii": "Топ 5 секретов Генеративного ИИ в 2025 году",
    "top-5-sekretov-revolyucii-generativnogo-ii": "Топ-5 секретов Революции Генеративного ИИ",
    "za-granyu-pikseley-i-slov": "За гранью пикселей и слов: битва",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    site = tmp_path_factory.mktemp("repo") / "blog"
    shutil.copytree(REPO / "content", site / "content")
    if (REPO / "blogbuild.yaml").exists():
        shutil.copy(REPO / "blogbuild.yaml", site / "blogbuild.yaml")
    done = blogbuild("build", "--source", str(site))
    assert done.returncode == 0, done.stderr
    return site / "dist", done.stdout + done.stderr


def test_every_seed_article_has_a_page_with_its_title(built: tuple[Path, str]) -> None:
    dist, _ = built
    for slug, title in SLUGS.items():
        page = (dist / "posts" / slug / "index.html").read_text(encoding="utf-8")
        assert f'<h1 class="post__title" data-pagefind-meta="title">{title}' in page, slug
        assert '<html lang="ru">' in page


def test_index_lists_all_five_newest_first(built: tuple[Path, str]) -> None:
    dist, _ = built
    index = (dist / "index.html").read_text(encoding="utf-8")
    order = [index.find(f'href="/posts/{slug}/"') for slug in SLUGS]
    assert all(position > 0 for position in order)
    dates = re.findall(r'<time datetime="([^"]+)"', index)
    assert dates == sorted(dates, reverse=True)


def test_russian_dates_and_reading_time(built: tuple[Path, str]) -> None:
    dist, _ = built
    page = (dist / "posts" / "generativnye-modeli" / "index.html").read_text(encoding="utf-8")
    assert "27 сентября 2025\u202fг." in page  # CLDR's narrow no-break space before "г."
    assert re.search(r"\d+ минут[аы]? чтения", page)


def test_plain_text_article_reads_as_paragraphs_and_headings(built: tuple[Path, str]) -> None:
    dist, _ = built
    page = (dist / "posts" / "za-granyu-pikseley-i-slov" / "index.html").read_text(encoding="utf-8")
    body = page.split('<div class="post__body prose" data-pagefind-body>', 1)[1]
    assert body.count("<p>") > 20
    assert re.search(r"<h2[^>]*>GPT и его потомки: Мастера слова <a class=\"heading-anchor\"", body)


def test_category_page_uses_a_transliterated_slug(built: tuple[Path, str]) -> None:
    dist, _ = built
    page = (dist / "categories" / "ai" / "index.html").read_text(encoding="utf-8")
    assert 'href="/posts/top-5-sekretov-generativnogo-ii/"' in page
    assert 'href="/posts/top-5-sekretov-revolyucii-generativnogo-ii/"' in page


def test_undated_plain_text_seed_is_a_warning_not_silence(tmp_path: Path) -> None:
    site = copy_seed_blog(tmp_path / "seeds")  # the articles as they came
    done = blogbuild("build", "--source", str(site))
    assert done.returncode == 0, done.stderr
    output = done.stdout + done.stderr
    assert "za-granyu-pikseley-i-slov.txt" in output
    assert "no title in front matter" in output
    assert re.search(r"no date in front matter.*(commit date|modification time)", output)


def test_the_published_articles_build_and_check_clean_by_default(
    built: tuple[Path, str], tmp_path: Path
) -> None:
    _, output = built
    assert "content/posts/" not in output  # no warning about any post
    config = (REPO / "blogbuild.yaml").read_text(encoding="utf-8")
    assert "fail_on" not in config  # a check error would stop the deploy
    done = blogbuild("check", "--source", str(REPO), "--format", "json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads(done.stdout) == []
    seeds = blogbuild("check", "--source", str(copy_seed_blog(tmp_path / "seeds")))
    assert "placeholder-text" in seeds.stdout  # what the edits took out of the originals


def test_highlight_and_theme_assets_are_shipped(built: tuple[Path, str]) -> None:
    dist, _ = built
    assert (dist / "assets" / "css" / "style.css").is_file()
    css = (dist / "assets" / "css" / "highlight.css").read_text(encoding="utf-8")
    assert "prefers-color-scheme: dark" in css
