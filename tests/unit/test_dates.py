from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from blogbuild.content.dates import (
    DateError,
    date_from_file_name,
    file_name_year_guessed,
    parse_date,
    read_date,
    strip_date_prefix,
)

MOSCOW = ZoneInfo("Europe/Moscow")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-09-27 00:00:00 -0000", datetime(2025, 9, 27, tzinfo=UTC)),
        (
            "2025-09-27 10:30:00 +0300",
            datetime(2025, 9, 27, 10, 30, tzinfo=timezone(timedelta(hours=3))),
        ),
        ("2025-09-27T10:00:00Z", datetime(2025, 9, 27, 10, tzinfo=UTC)),
        (
            "2025-09-27T10:00:00+05:30",
            datetime(2025, 9, 27, 10, tzinfo=timezone(timedelta(hours=5, minutes=30))),
        ),
        ("2025-09-27", datetime(2025, 9, 27, tzinfo=MOSCOW)),
        ("2015-5-3 10:00", datetime(2015, 5, 3, 10, tzinfo=MOSCOW)),
        ("27.09.2025", datetime(2025, 9, 27, tzinfo=MOSCOW)),
        ("27 сентября 2025 г.", datetime(2025, 9, 27, tzinfo=MOSCOW)),
        ("Sat, 27 Sep 2025 10:00:00 +0000", datetime(2025, 9, 27, 10, tzinfo=UTC)),
        (date(2025, 12, 27), datetime(2025, 12, 27, tzinfo=MOSCOW)),
        (datetime(2025, 12, 27, 8, 0), datetime(2025, 12, 27, 8, tzinfo=MOSCOW)),
    ],
)
def test_reads_common_date_forms(value: object, expected: datetime) -> None:
    parsed = parse_date(value, MOSCOW)
    assert parsed == expected
    assert parsed.tzinfo is not None


def test_naive_times_are_read_in_the_site_time_zone() -> None:
    parsed = parse_date("2025-01-01 12:00", ZoneInfo("Asia/Tokyo"))
    assert parsed.utcoffset() == timedelta(hours=9)


@pytest.mark.parametrize("value", ["вчера", "", "   ", 12, ["2025-01-01"], "2025", "10:00"])
def test_unreadable_dates_say_what_was_expected(value: object) -> None:
    with pytest.raises(DateError, match="expected YYYY-MM-DD"):
        parse_date(value, MOSCOW)


def test_file_name_dates_padded_and_unpadded() -> None:
    assert date_from_file_name("2015-5-30-hello.md", MOSCOW) == datetime(2015, 5, 30, tzinfo=MOSCOW)
    assert date_from_file_name("2024-01-05-x.md", MOSCOW) == datetime(2024, 1, 5, tzinfo=MOSCOW)
    assert date_from_file_name("2024-02-31-x.md", MOSCOW) is None
    assert date_from_file_name("hello.md", MOSCOW) is None
    assert strip_date_prefix("2015-5-30-hello-world") == "hello-world"
    assert strip_date_prefix("hello-2015-5-30-x") == "hello-2015-5-30-x"


UTC_ZONE = ZoneInfo("UTC")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2015-08-22 11:00:00 - 0700", "2015-08-22T11:00:00-07:00"),
        ("2025-09-27 10:00:00.5 +03:00", "2025-09-27T10:00:00.500000+03:00"),
        ("2025-09-27T10:00:00 +0300", "2025-09-27T10:00:00+03:00"),
        ("2025-09-27 10:00 UTC", "2025-09-27T10:00:00+00:00"),
        ("2025-09-27 10:00 MSK", "2025-09-27T10:00:00+03:00"),
        ("2012-04-20 11:30:00 PDT", "2012-04-20T11:30:00-07:00"),
        ("2025-01-27 10:00 Europe/Berlin", "2025-01-27T10:00:00+01:00"),
        ("September 27, 2025", "2025-09-27T00:00:00+00:00"),
        ("Sept. 5, 2019 10:30 pm", "2019-09-05T22:30:00+00:00"),
        ("27 сентября 2025, 10:00", "2025-09-27T10:00:00+00:00"),
        ("Tue, 1 Oct 2019 08:00:00 EST", "2019-10-01T08:00:00-05:00"),
        ("2019/10/01", "2019-10-01T00:00:00+00:00"),
    ],
)
def test_reads_what_ruby_time_parse_reads(value: str, expected: str) -> None:
    read = read_date(value, UTC_ZONE)
    assert read.moment.isoformat() == expected
    assert read.note is None


@pytest.mark.parametrize(("value", "year"), [("21-01-19", 2021), ("27 Sep 99", 1999)])
def test_two_digit_years_are_read_with_a_note(value: str, year: int) -> None:
    read = read_date(value, UTC_ZONE)
    assert read.moment.year == year
    assert read.note is not None and "two-digit year" in read.note


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2025-13-45", "is not a real date: month must be in 1..12"),
        ("2025-02-30", "is not a real date: day is out of range"),
        ("2024-02-30 25:61", "not a real"),
        ("2025-09-27 25:00", "is not a real time of day"),
        ("0001-01-01 00:00:00 +05:00", "year 1 is outside"),
        ("9999-12-31 23:00 -05:00", "year 9999 is outside"),
        (datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=5))), "year 1 is outside"),
        ("9" * 300, "too long"),
        (True, "cannot read"),
    ],
)
def test_impossible_dates_are_date_errors(value: object, message: str) -> None:
    with pytest.raises(DateError, match=message):
        parse_date(value, MOSCOW)


def test_jekyll_two_digit_file_name_dates() -> None:
    assert date_from_file_name("21-01-19-fishki.md", MOSCOW) == datetime(2021, 1, 19, tzinfo=MOSCOW)
    assert strip_date_prefix("21-01-19-fishki") == "fishki"
    assert file_name_year_guessed("21-01-19-fishki.md")
    assert not file_name_year_guessed("2021-01-19-fishki.md")
