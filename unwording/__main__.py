"""`python -m unwording` (and the `unwording` command) runs the command line.

`--version` alone is answered here, before the command line and click are loaded:
the answer is the interpreter's start-up and nothing more (issue 12).
"""

import os
import sys

from . import __version__

VERSION = f"unwording, version {__version__}"  # what click's version option prints


def main() -> None:
    """The console entry point."""
    if sys.argv[1:] == ["--version"]:
        try:
            print(VERSION, flush=True)
        except BrokenPipeError:  # `unwording --version | true`: quiet, as the CLI is
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return
    from .cli import main as run

    run()


if __name__ == "__main__":
    main()
