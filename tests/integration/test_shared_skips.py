"""A test run without ../shared says in one line how many tests it skipped for want of it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.integration.clirun import REPO


def test_the_run_counts_the_tests_that_want_the_shared_folder(tmp_path: Path) -> None:
    checkout = tmp_path / "checkout"  # no shared/ beside it
    (checkout / "tests").mkdir(parents=True)
    shutil.copy(REPO / "tests" / "conftest.py", checkout / "tests" / "conftest.py")
    (checkout / "tests" / "__init__.py").write_text("", encoding="utf-8")
    (checkout / "tests" / "test_wants.py").write_text(
        "import pytest\n"
        "from tests.conftest import SHARED, shared_reason\n"
        "@pytest.mark.parametrize('n', range(3))\n"
        "@pytest.mark.skipif(not SHARED.is_dir(), reason=shared_reason('corpora'))\n"
        "def test_reads_corpora(n): pass\n"
        "def test_other(): pytest.skip('reads /proc')\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", "tests"],
        cwd=checkout, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    shared = tmp_path / "shared"
    assert f"3 skipped for want of {shared} (the shared blogs and seed articles)" in done.stdout
    assert f"needs {shared / 'corpora'}, beside the checkout" in done.stdout
