"""`python -m unwording` (and the `unwording` command) runs the command line.

`--version` alone is answered here, before the command line and click are loaded:
the answer is the interpreter's start-up and nothing more (issue 12).
"""

import sys

from . import __version__

VERSION = f"unwording, version {__version__}"  # what click's version option prints


def main() -> None:
    """The console entry point."""
    if sys.argv[1:] == ["--version"]:
        try:
            print(VERSION, flush=True)
        except OSError as error:  # as the CLI answers it
            from .output import silence_stdout

            silence_stdout()
            if not isinstance(error, BrokenPipeError):  # `unwording --version | true`
                reason = error.strerror or error
                print(f"unwording: error: cannot write the output ({reason})", file=sys.stderr)
                sys.exit(2)
        return
    from .cli import main as run

    run()


if __name__ == "__main__":
    main()
