"""`check --fix` over every post of the shared human blogs loses no word its author wrote.

Each blog is copied to a temporary site (and once more as `.txt` copies of its posts) and
fixed as `blogbuild check --fix` would. A fix may change markup and whitespace, make a
look-alike letter the letter of its word's own script, and delete a line only when what
it says stays in the file: the post's title (in the front matter) or a heading kept
right above it. Anything else is a word lost.
"""

from __future__ import annotations

import difflib
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from tests.conftest import shared_reason
from tests.corpus_text import POST_SUFFIXES, write_text_copies

from blogbuild.check.fix import FileFix, fix_site
from blogbuild.check.prose import comparable
from blogbuild.options import BuildOptions

CORPORA = Path(__file__).resolve().parents[4] / "shared" / "corpora"
BLOGS = sorted(p for p in CORPORA.iterdir() if p.is_dir()) if CORPORA.is_dir() else []

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not BLOGS, reason=shared_reason("corpora"))]

_WORD = re.compile(r"\w+")
# The repair of a look-alike letter: both spellings count as one word.
_FOLD = str.maketrans("aceopxyABCEHKMOPTX", "асеорхуАВСЕНКМОРТХ")
_TITLE = re.compile(r"^title:\s*['\"]?(.*?)['\"]?\s*$", re.MULTILINE)


def words(text: str) -> Counter[str]:
    """The words of a text, look-alike letters folded into one script."""
    return Counter(_WORD.findall(text.translate(_FOLD).casefold().replace("ё", "е")))


def lost_words(fix: FileFix, title: str) -> list[str]:
    """Lines whose words the fix took away, beyond the repeats it is allowed to delete."""
    old = fix.before.decode("utf-8-sig").splitlines()
    new = fix.after.decode("utf-8-sig").splitlines()
    kept = {comparable(line) for line in new} | {comparable(title)}
    lost = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        removed = words("\n".join(old[i1:i2])) - words("\n".join(new[j1:j2]))
        if not removed:
            continue
        # A deleted line is allowed when it says again what the file still says.
        for line in old[i1:i2]:
            if words(line) and comparable(line) not in kept:
                lost.append(line)
    return lost


def _fix_site(site: Path) -> list[FileFix]:
    return fix_site(BuildOptions(source=site, drafts=True, future=True, use_cache=False))


def _title(fix: FileFix) -> str:
    match = _TITLE.search(fix.before.decode("utf-8-sig"))
    return match.group(1) if match else fix.path.stem


def _body_words(data: bytes) -> int:
    text = data.decode("utf-8-sig")
    if text.startswith("---"):
        text = text.split("\n---", 1)[-1]
    return sum(words(text).values())


def _check(fixes: list[FileFix]) -> None:
    losses = {fix.rel: lines for fix in fixes if (lines := lost_words(fix, _title(fix)))}
    assert losses == {}
    emptied = [fix.rel for fix in fixes if _body_words(fix.before) and not _body_words(fix.after)]
    assert emptied == []


@pytest.mark.parametrize("blog", BLOGS, ids=[blog.name.split("+")[0] for blog in BLOGS])
def test_fix_loses_no_word_of_a_markdown_blog(blog: Path, tmp_path: Path) -> None:
    posts = tmp_path / "content" / "posts"
    posts.mkdir(parents=True)
    for path in blog.iterdir():
        if path.suffix in POST_SUFFIXES and path.is_file():
            shutil.copy(path, posts / path.name)
    _check(_fix_site(tmp_path))


def test_fix_loses_no_word_of_text_copies(tmp_path: Path) -> None:
    sources = [p for blog in BLOGS for p in sorted(blog.iterdir()) if p.suffix in POST_SUFFIXES]
    write_text_copies(sources, tmp_path / "content" / "posts")
    _check(_fix_site(tmp_path))


def test_the_word_check_sees_a_lost_word() -> None:
    before = b"---\ntitle: A post\n---\n\n# A post\n\nKept words.\n\nLost words.\n"
    after = b"---\ntitle: A post\n---\n\n\nKept words.\n\n"
    fix = FileFix(Path("x.md"), "x.md", before, after)
    assert lost_words(fix, "A post") == ["Lost words."]
    letters = FileFix(Path("y.md"), "y.md", "Новые cтили.\n".encode(), "Новые стили.\n".encode())
    assert lost_words(letters, "y") == []
