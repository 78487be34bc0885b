"""The bundle's one executable: the window with no command (or `gui`), the command line else.

``multiprocessing.freeze_support()`` comes first: an export with ``--jobs N`` starts its worker
processes with ``spawn``, which in a frozen app runs this same executable with the arguments
multiprocessing gives it; freeze_support sees them, runs the worker and exits before click reads
the arguments (docs/adr/0077-the-application-bundle.md).
"""

import multiprocessing

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from annotator.cli.main import cli

    cli(prog_name="annotator")
