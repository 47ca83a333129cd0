"""`check` reports the post files a build skips, in the words `build` uses."""

from __future__ import annotations

from tests.conftest import SiteMaker
from tests.integration.clirun import blogbuild


def test_check_reports_an_empty_post_file_as_build_does(site: SiteMaker) -> None:
    site.post("2025-01-01-real.md", "---\ntitle: Настоящий\n---\nТекст.\n", raw=True)
    site.post("2025-01-02-empty.md", "\n  \n", raw=True)
    message = "content/posts/2025-01-02-empty.md: warning: the file is empty: skipped"
    built = blogbuild("build", "--source", str(site.root), timeout=60)
    assert message in built.stderr
    for _ in range(2):  # a check that finds the site unchanged says it again
        checked = blogbuild("check", "--source", str(site.root), timeout=60)
        assert "Traceback" not in checked.stderr
        expected = "content/posts/2025-01-02-empty.md:1:1: warning build-problem the file is empty"
        assert expected in checked.stdout
