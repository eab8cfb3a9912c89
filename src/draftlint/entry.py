"""The console command's entry point (``lint``, ``draftlint``, ``python -m draftlint``).

It turns the cyclic garbage collector off before the command line's modules are imported:
they make some 100,000 objects that live as long as the process, and at the collector's
default pace they were traced about twenty times over (4–7 ms of every run). A run of many
files turns it back on, with those objects frozen (``collector.on_for_many_files``).

The common ``lint PATH...`` command lines are parsed by ``quick_args`` and never import
typer; every other one goes to the typer command line (``cli``).
"""

import os
import sys

from draftlint.collector import off_until_exit
from draftlint.streams import INTERRUPTED


def main() -> None:
    try:
        off_until_exit()
        from draftlint.quick_args import check_options

        options = check_options(sys.argv[1:])
        if options is None:
            from draftlint.cli import main as run

            run()
        else:
            from draftlint.lint_command import run_quick

            run_quick(options)
    except KeyboardInterrupt:  # during start-up, before the command line handles it
        sys.stderr.flush()
        os._exit(INTERRUPTED)
