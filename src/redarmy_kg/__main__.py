"""`python -m redarmy_kg` is the `redarmy-kg` command."""

from redarmy_kg.cli import main

main()
