"""Reading the many ways people write dates in front matter and file names."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

_RU_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("января", "январь", "янв"),
            ("февраля", "февраль", "фев"),
            ("марта", "март", "мар"),
            ("апреля", "апрель", "апр"),
            ("мая", "май"),
            ("июня", "июнь", "июн"),
            ("июля", "июль", "июл"),
            ("августа", "август", "авг"),
            ("сентября", "сентябрь", "сен", "сент"),
            ("октября", "октябрь", "окт"),
            ("ноября", "ноябрь", "ноя"),
            ("декабря", "декабрь", "дек"),
        ),
        start=1,
    )
    for name in names
}

# 2025-09-27 00:00:00 -0000 (Jekyll's own format), with optional seconds and fraction
_SPACED = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{1,2})?$"
)
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_RU_TEXT = re.compile(r"^(\d{1,2})\s+([а-яё]+)\.?\s+(\d{4})(?:\s*г\.?)?$", re.IGNORECASE)
_FILE_PREFIX = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})-")

EXPECTED = "expected YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] [+HHMM] or ISO 8601"


class DateError(ValueError):
    """A value that is not a date we can read."""


def parse_date(value: object, tz: ZoneInfo) -> datetime:
    """Read a front matter date; naive values are taken in the site's time zone."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=tz)
    if isinstance(value, date):
        return datetime.combine(value, time(), tzinfo=tz)
    if isinstance(value, str):
        return _parse_text(value.strip(), tz)
    raise DateError(f"cannot read {value!r} as a date ({EXPECTED})")


def date_from_file_name(name: str, tz: ZoneInfo) -> datetime | None:
    """The date of a `YYYY-MM-DD-` (or unpadded `2015-5-30-`) file name prefix, if any."""
    match = _FILE_PREFIX.match(name)
    if not match:
        return None
    try:
        year, month, day = (int(part) for part in match.groups())
        return datetime(year, month, day, tzinfo=tz)
    except ValueError:
        return None


def strip_date_prefix(stem: str) -> str:
    """A file name without its date prefix: `2024-01-05-hello` -> `hello`."""
    return _FILE_PREFIX.sub("", stem, count=1)


def _parse_text(text: str, tz: ZoneInfo) -> datetime:
    if not text:
        raise DateError(f"the date is empty ({EXPECTED})")
    try:
        return _aware(datetime.fromisoformat(text.replace("z", "Z")), tz)
    except ValueError:
        pass
    for reader in (_read_spaced, _read_dotted, _read_russian, _read_rfc2822):
        try:
            found = reader(text, tz)
        except (ValueError, OverflowError):
            found = None
        if found is not None:
            return found
    raise DateError(f"cannot read '{text}' as a date ({EXPECTED})")


def _aware(moment: datetime, tz: ZoneInfo) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=tz)


def _read_spaced(text: str, tz: ZoneInfo) -> datetime | None:
    match = _SPACED.match(text)
    if not match:
        return None
    year, month, day, hour, minute, second, fraction, offset = match.groups()
    micro = int((fraction or "0")[:6].ljust(6, "0"))
    moment = datetime(
        int(year), int(month), int(day), int(hour), int(minute), int(second or 0), micro
    )
    if offset is None:
        return moment.replace(tzinfo=tz)
    if offset == "Z":
        offset = "+00:00"
    sign, digits = offset[0], offset[1:].replace(":", "")
    digits = digits.rjust(2, "0").ljust(4, "0") if len(digits) <= 2 else digits.rjust(4, "0")
    return datetime.fromisoformat(f"{moment.isoformat()}{sign}{digits[:2]}:{digits[2:]}")


def _read_dotted(text: str, tz: ZoneInfo) -> datetime | None:
    match = _DOTTED.match(text)
    if not match:
        return None
    day, month, year = (int(part) for part in match.groups())
    return datetime(year, month, day, tzinfo=tz)


def _read_russian(text: str, tz: ZoneInfo) -> datetime | None:
    match = _RU_TEXT.match(text)
    if not match:
        return None
    month = _RU_MONTHS.get(match.group(2).lower())
    if month is None:
        return None
    return datetime(int(match.group(3)), month, int(match.group(1)), tzinfo=tz)


def _read_rfc2822(text: str, tz: ZoneInfo) -> datetime | None:
    if not re.search(r"[A-Za-z]{3}", text):
        return None
    from email.utils import parsedate_to_datetime  # rare, and the email package is slow to load

    return _aware(parsedate_to_datetime(text), tz)
