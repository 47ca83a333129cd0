"""What `blogbuild init` puts in a new site, and the source files `blogbuild new` starts.

The starter texts are package data in `starter/`; the publishing workflow is the
repository's own `.github/workflows/publish.yml` (the wheel carries it in `starter/`), and
`blogbuild.yaml` is written from the settings' declaration.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from blogbuild import __version__
from blogbuild.content.settingsdoc import example_config
from blogbuild.content.slugs import fitted_slug, slugify

STARTER = Path(__file__).resolve().parent / "starter"
_CHECKOUT = Path(__file__).resolve().parents[3]  # src/blogbuild/cli -> repository root
WORKFLOW = ".github/workflows/publish.yml"
POSTS = "content/posts"
PAGES = "content/pages"
WELCOME_SLUG = "dobro-pozhalovat"


def front_matter_date(moment: datetime) -> str:
    """A date as front matter gives it: to the second, with its offset (`+0300`)."""
    return moment.strftime("%Y-%m-%d %H:%M:%S %z")


def _starter(name: str) -> str:
    return (STARTER / name).read_text(encoding="utf-8")


def publish_workflow() -> str:
    """The GitHub Actions workflow that checks, builds and deploys a site to GitHub Pages."""
    packaged = STARTER / "publish.yml"
    source = packaged if packaged.is_file() else _CHECKOUT / WORKFLOW
    return source.read_text(encoding="utf-8")


@dataclass(frozen=True, slots=True)
class StarterFile:
    """One file of a new site; `only_if_empty` names a folder it is added to only while that
    folder holds no file (a welcome post joins no existing posts)."""

    rel: str
    text: str
    only_if_empty: str = ""


def starter_files(now: datetime) -> list[StarterFile]:
    """Every file of a new site that builds at once, its posts dated `now`."""
    welcome = _starter("welcome.md").replace("{date}", front_matter_date(now))
    requirements = _starter("requirements.txt").replace("{version}", __version__)
    return [
        StarterFile("blogbuild.yaml", example_config()),
        StarterFile(f"{POSTS}/{now:%Y-%m-%d}-{WELCOME_SLUG}.md", welcome, only_if_empty=POSTS),
        StarterFile(f"{PAGES}/about.md", _starter("about.md")),
        StarterFile(".gitignore", _starter("gitignore")),
        StarterFile(WORKFLOW, publish_workflow()),
        StarterFile("requirements.txt", requirements),
    ]


STARTER_FOLDERS = ("static",)  # made empty: the site's root files go there


def new_source_path(kind: str, title: str, now: datetime, bundle: bool) -> str | None:
    """Where `blogbuild new` writes a post or page titled `title`, relative to the site; None
    when the title has no letter or digit to name a file after."""
    slug, _ = fitted_slug(slugify(title))
    if not slug:
        return None
    folder = POSTS if kind == "post" else PAGES
    if bundle:
        return f"{folder}/{slug}/index.md"
    return f"{folder}/{now:%Y-%m-%d}-{slug}.md" if kind == "post" else f"{folder}/{slug}.md"


# The first line of a new draft's text, so that it is not an empty post.
_FIRST_LINES = {
    ("post", "ru"): "Первый абзац станет анонсом статьи в списках и лентах.",
    ("post", "en"): "The first paragraph is the post's excerpt in lists and feeds.",
    ("page", "ru"): "Текст страницы.",
    ("page", "en"): "The text of the page.",
}


def new_source_text(kind: str, title: str, now: datetime, language: str = "ru") -> str:
    """A new draft post or page: its front matter (the `ai:` block commented out) and a
    first line of text in the site's language."""
    lines = ["---", f"title: {json.dumps(title, ensure_ascii=False)}",
             f"date: {front_matter_date(now)}"]  # fmt: skip
    if kind == "post":
        lines += ["categories: []", "tags: []"]
    lines += ['description: ""', "draft: true"]
    if kind == "post":
        lines += [
            "# Who wrote it, when a language model did (shown with the post):",
            "# ai:",
            "#   model: GPT-4o",
            "#   generated: true",
            "#   reviewed_by: Анна Петрова",
        ]
    first = _FIRST_LINES.get((kind, language), _FIRST_LINES[(kind, "en")])
    return "\n".join([*lines, "---", first, ""])
