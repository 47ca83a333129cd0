"""`blogbuild new post|page TITLE`: a draft with its front matter, named after its title."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from blogbuild.cli.common import reported_problems


@click.command("new")
@click.argument("kind", type=click.Choice(["post", "page"]))
@click.argument("title")
@click.option("--bundle", is_flag=True, help="Make SLUG/index.md, a folder for its images too.")
@click.option(
    "--source",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=".",
    show_default=True,
    help="The site folder (holds blogbuild.yaml).",
)
@click.option("--debug", is_flag=True, help="Show tracebacks for unexpected errors.")
def new_command(kind: str, title: str, bundle: bool, source: Path, debug: bool) -> None:
    """Start a post (content/posts/YYYY-MM-DD-slug.md) or a page (content/pages/slug.md).

    The slug is the title transliterated (`Заголовок статьи` -> zagolovok-stati) and the
    date is now in the site's time zone. The front matter holds the title, the date with
    its offset, categories, tags, a description and `draft: true` (posts also an `ai:`
    block, commented out). Prints the file's path; an existing file is never replaced.
    """
    from blogbuild.cli.scaffold import new_source_path, new_source_text
    from blogbuild.content.config import load_config

    root = source.resolve()
    with reported_problems(debug, "blogbuild new"):
        config = load_config(root)
    now = datetime.now(config.tz).replace(microsecond=0)
    rel = new_source_path(kind, title, now, bundle)
    if rel is None:
        raise click.UsageError(f"the title '{title}' has no letter or digit to name a file after")
    path = root / rel
    if path.exists() or path.is_symlink():
        raise click.ClickException(f"{rel} already exists; nothing was written")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as file:
            file.write(new_source_text(kind, title, now, config.language))
    except FileExistsError:  # made between the look and the write
        raise click.ClickException(f"{rel} already exists; nothing was written") from None
    click.echo(str(path.relative_to(Path.cwd())) if path.is_relative_to(Path.cwd()) else path)
