"""The checker reading the renderer's block tokens finds exactly what its own parse finds."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from tests.conftest import CORPORA, REPO

from blogbuild.check import check_post
from blogbuild.check.document import document_for
from blogbuild.content.config import load_config
from blogbuild.content.loader import load_post
from blogbuild.errors import Problems
from blogbuild.markup.markdown import MarkdownRenderer

POSTS = sorted((REPO / "content" / "posts").iterdir()) + sorted(CORPORA.glob("*/*.md"))


@pytest.mark.parametrize("path", POSTS, ids=lambda path: path.name)
def test_findings_are_the_same_with_shared_tokens(path: Path) -> None:
    config = load_config(path.parent)
    post = load_post(path, config, Problems())
    assert post is not None
    renderer = MarkdownRenderer()
    renderer.render(post.body, first_line=post.body_line)
    document_for(post, renderer.last_blocks)
    shared = check_post(post)
    own = check_post(replace(post))  # a new object: the checker parses it itself
    assert shared == own
