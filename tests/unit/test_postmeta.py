from zoneinfo import ZoneInfo

import pytest

from blogbuild.content.postmeta import read_meta
from blogbuild.errors import Problems

MOSCOW = ZoneInfo("Europe/Moscow")


def _read(meta: dict[str, object]) -> tuple[object, Problems]:
    problems = Problems()
    lines = {key: number for number, key in enumerate(meta, start=2)}
    return read_meta(meta, lines, "p.md", MOSCOW, problems), problems


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (["ai", "Машинное обучение"], ("ai", "Машинное обучение")),
        ("ai", ("ai",)),
        ("ai ml", ("ai", "ml")),
        ("Машинное обучение, NLP", ("Машинное обучение", "NLP")),
        (None, ()),
        (["a", "a", "b"], ("a", "b")),
    ],
)
def test_terms_in_every_shape(value: object, expected: tuple[str, ...]) -> None:
    meta, problems = _read({"categories": value, "tags": value})
    assert meta.categories == expected and meta.tags == expected  # type: ignore[attr-defined]
    assert not problems.items


def test_singular_category_is_one_name() -> None:
    meta, _ = _read({"category": "Машинное обучение"})
    assert meta.categories == ("Машинное обучение",)  # type: ignore[attr-defined]


def test_drafts_and_unpublished() -> None:
    assert _read({"draft": True})[0].draft  # type: ignore[attr-defined]
    assert _read({"published": False})[0].draft  # type: ignore[attr-defined]
    assert not _read({"published": True})[0].draft  # type: ignore[attr-defined]


def test_unknown_keys_are_kept_for_templates() -> None:
    meta, problems = _read({"title": "x", "layout": "post", "author": "Анна"})
    assert meta.extra == {"layout": "post", "author": "Анна"}  # type: ignore[attr-defined]
    assert not problems.items


def test_ai_provenance_and_check_ignores() -> None:
    meta, problems = _read(
        {
            "ai": {"model": "GPT-4o", "generated": True, "reviewed_by": "Иван"},
            "check": {"ignore": ["long-title"]},
        }
    )
    assert meta.ai.model == "GPT-4o" and meta.ai.reviewed_by == "Иван"  # type: ignore[attr-defined]
    assert meta.check_ignore == ("long-title",)  # type: ignore[attr-defined]
    assert not problems.items


def test_bad_values_are_reported_at_their_lines() -> None:
    _, problems = _read(
        {
            "title": ["x"],
            "date": "позавчера",
            "draft": "да",
            "ai": {"generated": "maybe", "mood": 1},
        }
    )
    shown = [str(p) for p in problems.items]
    assert "p.md:2: title: expected text, got list" in shown
    assert any(s.startswith("p.md:3: date: cannot read 'позавчера'") for s in shown)
    assert "p.md:4: draft: expected true or false, got 'да'" in shown
    assert any(s.startswith("p.md:5: ai: unknown key(s) mood") for s in shown)
    assert "p.md:5: ai: generated: expected true or false" in shown


def test_empty_description_is_kept_as_empty() -> None:
    assert _read({"description": ""})[0].description == ""  # type: ignore[attr-defined]
    assert _read({})[0].description is None  # type: ignore[attr-defined]
