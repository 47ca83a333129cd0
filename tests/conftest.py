"""Shared test helpers: temporary sites and the paths of the shared corpora."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
CORPORA = SHARED / "corpora"


def shared_reason(folder: str) -> str:
    """The skip reason of a test that reads ../shared/<folder>; the run's summary counts them."""
    return f"needs {SHARED / folder}, beside the checkout"


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    wanting = [
        report
        for report in terminalreporter.stats.get("skipped", [])
        if f"needs {SHARED}" in str(getattr(report, "longrepr", ""))
    ]
    if wanting:
        terminalreporter.write_line(
            f"{len(wanting)} skipped for want of {SHARED} (the shared blogs and seed "
            "articles); put that folder beside the checkout to run them"
        )


class SiteMaker:
    """Writes a small site into a temporary folder: posts, config, templates."""

    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "content" / "posts").mkdir(parents=True)

    def post(self, name: str, text: str, *, raw: bool = False) -> Path:
        path = self.root / "content" / "posts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text if raw else textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    def config(self, text: str) -> Path:
        path = self.root / "blogbuild.yaml"
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    def file(self, rel: str, text: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path


@pytest.fixture
def site(tmp_path: Path) -> SiteMaker:
    return SiteMaker(tmp_path / "site")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/sites/golden/expected/ from the current output",
    )
