"""Dates in the theme's languages, as Babel writes them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from babel.dates import format_date

from blogbuild.content.i18n import long_date


@pytest.mark.parametrize("language", ["ru", "en"])
def test_long_dates_are_babels_long_format(language: str) -> None:
    start = datetime(2023, 12, 25, 23, 30, tzinfo=timezone(timedelta(hours=3)))
    for days in range(0, 800, 37):
        moment = start + timedelta(days=days)
        expected = format_date(moment.date(), format="long", locale=language)
        assert long_date(moment, language) == expected


def test_russian_long_date_reads_as_written() -> None:
    moment = datetime(2025, 9, 27, 10, 0, tzinfo=UTC)
    assert long_date(moment, "ru") == "27 сентября 2025\u202fг."  # CLDR: narrow no-break space
    assert long_date(moment, "en") == "September 27, 2025"
