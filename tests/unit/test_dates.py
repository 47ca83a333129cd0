from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from blogbuild.content.dates import DateError, date_from_file_name, parse_date, strip_date_prefix

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
