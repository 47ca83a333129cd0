"""Front matter rules."""

from __future__ import annotations


def test_complete_metadata_has_no_findings(make_post, findings_of) -> None:
    post = make_post("Текст.\n")
    for rule in (
        "missing-date",
        "missing-description",
        "missing-category",
        "long-title",
        "empty-summary",
    ):
        assert findings_of(post, rule) == []


def test_date_from_file_name_is_reported(make_post, findings_of) -> None:
    (finding,) = findings_of(make_post("Текст.\n", date_source="file_name"), "missing-date")
    assert (finding.line, finding.severity) == (1, "warning")
    assert "file name" in finding.message


def test_missing_description_and_category(make_post, findings_of) -> None:
    post = make_post("Текст.\n", description=None, categories=())
    assert len(findings_of(post, "missing-description")) == 1
    assert len(findings_of(post, "missing-category")) == 1


def test_summary_key_counts_as_a_description(make_post, findings_of) -> None:
    post = make_post(
        "Текст.\n", description=None, extra={"summary": "Кратко."}, meta_lines={"summary": 3}
    )
    assert findings_of(post, "missing-description") == []
    assert findings_of(post, "empty-summary") == []


def test_empty_description_is_reported_on_its_line(make_post, findings_of) -> None:
    post = make_post("Текст.\n", description="", meta_lines={"title": 2, "description": 4})
    (finding,) = findings_of(post, "empty-summary")
    assert finding.line == 4
    assert findings_of(post, "missing-description") == []


def test_long_title_is_reported_on_the_title_line(make_post, findings_of) -> None:
    title = "Революционные генеративные модели 2025: что ждать от искусственного интеллекта?"
    post = make_post("Текст.\n", title=title, meta_lines={"title": 2})
    (finding,) = findings_of(post, "long-title")
    assert finding.line == 2
    assert "79 characters" in finding.message


def test_title_of_exactly_70_characters_is_fine(make_post, findings_of) -> None:
    assert findings_of(make_post("Текст.\n", title="я" * 70), "long-title") == []


def test_equal_posts_keep_their_own_key_lines(make_post, findings_of) -> None:
    # Posts compare equal without meta_lines; each must still be reported on its own line.
    first = make_post("Текст.\n", title="я" * 80, meta_lines={"title": 2})
    second = make_post("Текст.\n", title="я" * 80, meta_lines={"title": 3})
    assert first == second
    assert [f.line for f in findings_of(first, "long-title")] == [2]
    assert [f.line for f in findings_of(second, "long-title")] == [3]
