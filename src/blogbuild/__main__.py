from blogbuild.cli import run

run()
