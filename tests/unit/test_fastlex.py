"""The accelerated Pygments lexers give exactly the tokens Pygments gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from pygments.lexers import get_lexer_by_name

from blogbuild.markup.fastlex import accelerate

SOURCES = Path(__file__).resolve().parents[2] / "src" / "blogbuild"
SAMPLES = {
    "python": "\n".join(p.read_text(encoding="utf-8") for p in sorted(SOURCES.glob("*.py"))[:12]),
    "javascript": (Path(__file__).resolve().parents[2] / "assets" / "js" / "theme.js").read_text(
        encoding="utf-8"
    )
    + "\nconst re = /a+b/g; let s = `t ${x}`; // comment\n/* block */ class A extends B { #p = 1 }\n",
    "css": (Path(__file__).resolve().parents[2] / "assets" / "css" / "style.css").read_text(
        encoding="utf-8"
    ),
    "html": (Path(__file__).resolve().parents[2] / "templates" / "base.html").read_text(
        encoding="utf-8"
    ),
    "bash": "for f in *.md; do echo \"$f\" | sed -e 's/a/b/' >> out.txt; done\nexport X=$(ls -1 | wc -l)\n",
    "json": '{"a": [1, 2.5e3, true, null, "строка \\u0442"], "b": {}}\n',
    "yaml": "title: Пост\ntags: [a, b]\nnested:\n  - x: 1\n    y: 'q'\n# comment\n",
    "sql": "SELECT a, COUNT(*) FROM t WHERE b = 'x' GROUP BY a HAVING COUNT(*) > 1; -- note\n",
    "c": '#include <stdio.h>\nint main(void) { printf("%d\\n", 1 << 3); return 0; }\n',
    "text": "просто текст\n",
}


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_accelerated_lexer_tokens_match_pygments(name: str) -> None:
    plain = list(get_lexer_by_name(name).get_tokens(SAMPLES[name]))
    fast = list(accelerate(get_lexer_by_name(name)).get_tokens(SAMPLES[name]))
    assert fast == plain
