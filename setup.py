"""Ship the top-level default theme (templates/, assets/) inside the wheel.

The repository is itself a blog, so the theme lives at the root where a site's own
templates would be; the build copies it to blogbuild/theme/ in the package.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).parent


class BuildWithTheme(build_py):
    def run(self) -> None:
        super().run()
        theme = Path(self.build_lib) / "blogbuild" / "theme"
        for folder in ("templates", "assets"):
            target = theme / folder
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(ROOT / folder, target)


setup(cmdclass={"build_py": BuildWithTheme})
