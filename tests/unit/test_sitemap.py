import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from lxml import etree

from blogbuild.site.sitemap import robots_txt, sitemap_xml
from tests.unit.viewmaker import START, make_config

SCHEMA = etree.XMLSchema(etree.parse(str(Path(__file__).parents[1] / "data" / "sitemap.xsd")))
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
W3C_DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")

ENTRIES: list[tuple[str, datetime | None]] = [
    ("/", START + timedelta(days=2)),
    ("/posts/b/", START + timedelta(days=2)),
    ("/posts/a/", START),
    ("/categories/modeli/", START + timedelta(days=1)),
    ("/categories/modeli/page/2/", None),
]


def validated(data: bytes) -> etree._Element:
    root = etree.fromstring(data)
    SCHEMA.assertValid(root)
    return root


def locs(root: etree._Element) -> list[str]:
    return [str(loc) for loc in root.xpath("s:url/s:loc/text()", namespaces=NS)]


def test_the_schema_has_teeth() -> None:
    assert not SCHEMA.validate(etree.fromstring(f'<urlset xmlns="{NS["s"]}"/>'))
    bad_date = (
        f'<urlset xmlns="{NS["s"]}"><url><loc>https://example.org/</loc>'
        "<lastmod>27.09.2025</lastmod></url></urlset>"
    )
    assert not SCHEMA.validate(etree.fromstring(bad_date))


@pytest.mark.parametrize("base_url", ["https://example.org/", "https://someone.github.io/blog/"])
def test_sitemap_validates_with_absolute_sorted_urls(base_url: str) -> None:
    root = validated(sitemap_xml(make_config(base_url), ENTRIES))
    found = locs(root)
    assert found == sorted(found)
    assert len(found) == len(ENTRIES)
    assert all(loc.startswith(base_url) for loc in found)
    assert base_url + "posts/a/" in found


def test_lastmod_is_a_w3c_datetime_with_offset_and_missing_ones_are_left_out() -> None:
    root = validated(sitemap_xml(make_config(), ENTRIES))
    by_loc = {
        str(url.findtext("s:loc", namespaces=NS)): url.findtext("s:lastmod", namespaces=NS)
        for url in root.findall("s:url", NS)
    }
    assert by_loc["https://example.org/posts/a/"] == "2025-01-01T09:30:00+03:00"
    assert by_loc["https://example.org/categories/modeli/page/2/"] is None
    assert all(W3C_DATETIME.match(v) for v in by_loc.values() if v is not None)


def test_a_url_listed_twice_appears_once_with_its_latest_date() -> None:
    entries = [("/posts/a/", START), ("/posts/a/", START + timedelta(days=5)), ("/posts/a/", None)]
    root = validated(sitemap_xml(make_config(), entries))
    assert locs(root) == ["https://example.org/posts/a/"]
    assert root.findtext("s:url/s:lastmod", namespaces=NS) == "2025-01-06T09:30:00+03:00"


def test_same_entries_in_any_order_give_the_same_bytes() -> None:
    assert sitemap_xml(make_config(), ENTRIES) == sitemap_xml(make_config(), ENTRIES[::-1])


def test_urls_are_escaped_and_ascii() -> None:
    data = sitemap_xml(make_config(), [("/поиск/?q=ИИ&page=2", None)])
    assert b"&amp;page=2" in data
    loc = locs(validated(data))[0]
    assert loc == "https://example.org/%D0%BF%D0%BE%D0%B8%D1%81%D0%BA/?q=%D0%98%D0%98&page=2"


def test_an_empty_site_lists_its_home_page_so_the_file_stays_valid() -> None:
    root = validated(sitemap_xml(make_config("https://example.org/blog/"), []))
    assert locs(root) == ["https://example.org/blog/"]


def test_robots_allows_everything_and_names_the_absolute_sitemap() -> None:
    text = robots_txt(make_config("https://someone.github.io/blog/")).decode()
    assert text == (
        "User-agent: *\nAllow: /\n\nSitemap: https://someone.github.io/blog/sitemap.xml\n"
    )


def test_robots_without_a_host_names_no_sitemap() -> None:
    text = robots_txt(make_config("/blog/")).decode()
    assert "Sitemap" not in text
    assert text.startswith("User-agent: *\n")


def test_written_as_elementtree_would_write_it() -> None:
    """The sitemap is written as text; it must be the document ElementTree would make."""
    import xml.etree.ElementTree as ET

    from blogbuild.site.sitemap import sitemap_loc
    from blogbuild.site.xmlout import sub, to_bytes, w3c_datetime

    config = make_config()
    entries = [*ENTRIES, ("/tags/r&d/", START), ("/posts/тест?a=1&b=<2>/", None)]
    urlset = ET.Element("urlset", {"xmlns": NS["s"]})
    for url, lastmod in sorted(entries, key=lambda entry: sitemap_loc(config, entry[0])):
        item = sub(urlset, "url")
        sub(item, "loc", sitemap_loc(config, url))
        if lastmod is not None:
            sub(item, "lastmod", w3c_datetime(lastmod, config.tz))
    assert sitemap_xml(config, entries) == to_bytes(urlset)
