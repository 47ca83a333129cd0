"""How to find, version and run each generator, and where its editable files are."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from formats import WRITERS
from posts import PostMeta

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
PEERS = BENCH / "peers"
PEER_PYTHON = PEERS / ".venv" / "bin" / "python"
ELEVENTY_MODULES = PEERS / "eleventy" / "node_modules"


@dataclass(frozen=True, slots=True)
class Workspace:
    """One tool's private copy of the site for one scenario, and where its output goes."""

    site: Path
    out: Path
    cache: Path
    logs: Path


def _output(cmd: list[str], env: dict[str, str] | None = None) -> str:
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    except OSError as err:
        return f"error: {err}"
    return (
        (done.stdout.strip() or done.stderr.strip()).splitlines()[0] if done.returncode == 0 else ""
    )


class Tool:
    """A generator under test; subclasses fill in the details."""

    name = ""
    scenarios: tuple[str, ...] = ("cold",)
    # Regexes tried in order; a template edit goes right after the first that matches,
    # inside the block that renders the page body, so the change shows in every page.
    template_anchors: tuple[str, ...] = ()

    def missing(self) -> str | None:
        """Why the tool cannot run here, or None when it can."""
        raise NotImplementedError

    def version(self) -> str:
        raise NotImplementedError

    def command(self, ws: Workspace, cold: bool) -> list[str]:
        raise NotImplementedError

    def env(self) -> dict[str, str]:
        return _environment()

    def prepare(self, ws: Workspace) -> None:
        """Make a fresh site copy runnable (links, overrides); not timed."""

    def clear_cache(self, ws: Workspace) -> None:
        if ws.cache.exists():
            shutil.rmtree(ws.cache)

    def post_file(self, ws: Workspace, post: PostMeta) -> Path:
        return ws.site / WRITERS[self.name](post)[0]

    def template_file(self, ws: Workspace) -> Path | None:
        """The template a writer would change; None if there is none to change."""
        return None


def _environment() -> dict[str, str]:
    """The environment tools run in. Python tools run from compiled bytecode, as they do once
    installed: a shell that forbids writing it would make a source tree compile every module
    on every run, which no installed tool does."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


class Blogbuild(Tool):
    """This project, run as `python -m blogbuild build` from a source tree."""

    name = "blogbuild"
    scenarios = ("cold", "noop", "edit", "template", "ci")
    template_anchors = (r"\{%-?\s*block\s+content\s*-?%\}", r"\{%-?\s*block\s+\w+\s*-?%\}")

    def __init__(self, src: Path, python: str) -> None:
        self.src = src.resolve()
        self.python = python

    def env(self) -> dict[str, str]:
        env = _environment()
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(self.src), env.get("PYTHONPATH")) if p)
        return env

    def _run(self, code: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [self.python, "-c", code], capture_output=True, text=True, env=self.env(), timeout=120
        )

    def missing(self) -> str | None:
        done = self._run("import blogbuild.cli")
        if done.returncode:
            last = (done.stderr.strip().splitlines() or ["no output"])[-1]
            shown = self.src.relative_to(REPO) if self.src.is_relative_to(REPO) else self.src
            return f"blogbuild.cli cannot be imported from {shown} ({last})"
        return None

    def version(self) -> str:
        done = self._run("import blogbuild; print(blogbuild.__version__)")
        version = done.stdout.strip() or "unknown"
        commit = _output(["git", "-C", str(self.src), "describe", "--always", "--dirty"])
        return f"{version} ({commit})" if commit else version

    def command(self, ws: Workspace, cold: bool) -> list[str]:
        cmd = [
            self.python,
            "-m",
            "blogbuild",
            "build",
            "--source",
            str(ws.site),
            "--out",
            str(ws.out),
        ]
        return [*cmd, "--no-cache"] if cold else cmd

    def clear_cache(self, ws: Workspace) -> None:
        # The cache lives in the site; --no-cache already ignores it, this keeps cold runs clean.
        shutil.rmtree(ws.site / ".blogbuild-cache", ignore_errors=True)

    def theme_template(self) -> Path | None:
        """The default theme's post.html: at the repository root, or inside the package."""
        candidates = [self.src.parent / "templates" / "post.html"]
        done = self._run("import blogbuild, os; print(os.path.dirname(blogbuild.__file__))")
        if done.returncode == 0 and done.stdout.strip():
            candidates.append(Path(done.stdout.strip()) / "theme" / "templates" / "post.html")
        return next((path for path in candidates if path.is_file()), None)

    def prepare(self, ws: Workspace) -> None:
        theme = self.theme_template()
        if theme:
            target = ws.site / "templates" / "post.html"
            target.parent.mkdir(exist_ok=True)
            shutil.copyfile(theme, target)

    def template_file(self, ws: Workspace) -> Path | None:
        path = ws.site / "templates" / "post.html"
        return path if path.is_file() else None


class Hugo(Tool):
    """Hugo's binary. Every Hugo run is a full build, so `noop` stands for all its rebuilds."""

    name = "hugo"
    scenarios = ("cold", "noop")
    template_anchors = (r'\{\{-?\s*define\s+"main"\s*-?\}\}',)

    def binary(self) -> str | None:
        bundled = sorted(PEERS.glob(".venv/lib/python3*/site-packages/hugo/binaries/hugo"))
        return str(bundled[-1]) if bundled else shutil.which("hugo")

    def missing(self) -> str | None:
        return None if self.binary() else "hugo not found (run bench/setup-peers.sh)"

    def version(self) -> str:
        text = _output([self.binary() or "hugo", "version"])
        match = re.search(r"v(\d+\.\d+\.\d+)\S*", text)
        return match.group(0).split("-")[0] if match else text

    def command(self, ws: Workspace, cold: bool) -> list[str]:
        binary = self.binary() or "hugo"
        return [binary, "--source", str(ws.site), "--destination", str(ws.out),
                "--cacheDir", str(ws.cache), "--noBuildLock", "--quiet"]  # fmt: skip

    def template_file(self, ws: Workspace) -> Path | None:
        return ws.site / "layouts" / "page.html"


class Pelican(Tool):
    """Pelican in the peers' venv; it has no cache on by default, so only cold runs."""

    name = "pelican"

    def python(self) -> str:
        return str(PEER_PYTHON) if PEER_PYTHON.exists() else sys.executable

    def missing(self) -> str | None:
        done = subprocess.run(
            [self.python(), "-c", "import pelican, markdown"], capture_output=True
        )
        return (
            "pelican[markdown] not installed (run bench/setup-peers.sh)"
            if done.returncode
            else None
        )

    def version(self) -> str:
        return _output([self.python(), "-m", "pelican", "--version"])

    def command(self, ws: Workspace, cold: bool) -> list[str]:
        return [self.python(), "-m", "pelican", str(ws.site / "content"),
                "-s", str(ws.site / "pelicanconf.py"), "-o", str(ws.out), "-q"]  # fmt: skip


class Eleventy(Tool):
    """Eleventy 3 from bench/peers/eleventy, run by the machine's Node."""

    name = "eleventy"
    cli = ELEVENTY_MODULES / "@11ty" / "eleventy" / "cmd.cjs"

    def missing(self) -> str | None:
        if not shutil.which("node"):
            return "node not found"
        if not self.cli.exists():
            return "Eleventy not installed (run bench/setup-peers.sh)"
        return None

    def version(self) -> str:
        node = _output(["node", "--version"])
        return f"{_output(['node', str(self.cli), '--version'])} (node {node})"

    def prepare(self, ws: Workspace) -> None:
        # The site's config imports its plugins by name; Node finds them through this link.
        link = ws.site / "node_modules"
        if not link.exists():
            link.symlink_to(ELEVENTY_MODULES, target_is_directory=True)

    def command(self, ws: Workspace, cold: bool) -> list[str]:
        # Run from the site (see run.py): the config's collection globs are relative to it.
        return ["node", str(self.cli), "--input=.", f"--output={ws.out}",
                "--config=eleventy.config.mjs", "--quiet"]  # fmt: skip


def all_tools(blogbuild_src: Path, python: str) -> dict[str, Tool]:
    """Every known tool by name, in the order tables list them."""
    tools: list[Tool] = [Blogbuild(blogbuild_src, python), Hugo(), Pelican(), Eleventy()]
    return {tool.name: tool for tool in tools}
