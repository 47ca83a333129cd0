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

pytestmark = pytest.mark.slow

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


SHARED_POSTS = [
    "- [ ] Собрать данные\n- [x] **Обучить** модель\n- [X] GPT-4o\n\n## План\n\nТекст.\n",
    "1. [ ] один\n2. [x] два\n\n> - [ ] в цитате\n\n- a\n  - [ ] вложенный\n  - [x]\n",
    "# Заголовок\n\n- [ ] lorem ipsum\n- [ ]\tтаб\n- [ ]без пробела\n\n**Итоги**\n\nКонец\n",
    # escaped markers, and Liquid that expands to nothing different, leave CommonMark's blocks
    "Текст \\[^1] и \\{: .x}\n\n\\[^1]: не сноска\n\n## Итоги\n\nКонец\n",
    "Текст {{ без конца\n\n- пункт \\{:\n- ещё\n\n## Итоги\n\nКонец\n",
]


@pytest.mark.parametrize("body", SHARED_POSTS)
def test_shared_tokens_give_the_same_findings(tmp_path: Path, body: str) -> None:
    posts = tmp_path / "content" / "posts"
    posts.mkdir(parents=True)
    path = posts / "2024-01-01-zadachi.md"
    path.write_text("---\ntitle: Задачи\ndate: 2024-01-01\n---\n" + body, encoding="utf-8")
    post = load_post(path, load_config(tmp_path), Problems())
    assert post is not None
    renderer = MarkdownRenderer()
    renderer.render(post.body, first_line=post.body_line)
    assert renderer.last_blocks is not None  # the checker reads the renderer's blocks
    document_for(post, renderer.last_blocks)
    assert check_post(post) == check_post(replace(post))
