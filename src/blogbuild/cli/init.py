"""`blogbuild init [DIR]`: a new site that builds at once."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from blogbuild.cli.common import reported_problems, shown


@click.command("init")
@click.argument(
    "folder", default=".", type=click.Path(file_okay=False, path_type=Path), metavar="[DIR]"
)
@click.option(
    "--force",
    is_flag=True,
    help="Add to a folder that is not empty: only the files that are missing, each listed.",
)
@click.option("--debug", is_flag=True, help="Show tracebacks for unexpected errors.")
def init_command(folder: Path, force: bool, debug: bool) -> None:
    """Make a new blog in DIR (default: the current folder).

    It holds blogbuild.yaml with every setting and what it does, a welcome post in
    content/posts/, content/pages/about.md, static/ for files served at the site's root,
    .gitignore and the GitHub Pages workflow with its requirements.txt. A folder that is
    not empty is refused unless --force, which adds only what is missing and never
    replaces a file.
    """
    from blogbuild.cli.scaffold import STARTER_FOLDERS, starter_files
    from blogbuild.content.config import load_config

    root = folder.resolve()
    if root.exists() and any(root.iterdir()) and not force:
        raise click.ClickException(
            f"{shown(root)} is not empty; run `blogbuild init --force` to add only the files "
            "a blog needs that are missing there"
        )
    with reported_problems(debug, "Init failed"):
        # the posts are dated in the site's time zone, from a config that is already there
        now = datetime.now(load_config(root).tz).replace(microsecond=0)
        added = []
        for item in starter_files(now):
            path = root / item.rel
            if path.exists() or path.is_symlink():
                continue
            if item.only_if_empty and _holds_files(root / item.only_if_empty):
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("x", encoding="utf-8") as file:  # never over a file made meanwhile
                file.write(item.text)
            added.append(item.rel)
        for name in STARTER_FOLDERS:
            if not (root / name).exists():
                (root / name).mkdir(parents=True)
                added.append(name + "/")
    if not added:
        click.echo(f"Nothing to add: {shown(root)} has every file a new blog has.")
        return
    click.echo(f"{'Added to' if force else 'Made a blog in'} {shown(root)}:")
    for rel in sorted(added):
        click.echo(f"  {rel}")
    where = "" if root == Path.cwd() else f"cd {shown(root)} && "
    click.echo(f'Next: {where}blogbuild new post "Заголовок статьи", then blogbuild serve')


def _holds_files(folder: Path) -> bool:
    """Whether any file is below `folder` (hidden ones too)."""
    return folder.is_dir() and any(p.is_file() for p in folder.rglob("*"))
