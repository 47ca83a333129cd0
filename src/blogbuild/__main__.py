from blogbuild.cli import main

main()
