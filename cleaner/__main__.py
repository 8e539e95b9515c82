"""``python -m cleaner``: the same as the ``cleaner`` command."""

import sys

from cleaner.cli import main

if __name__ == "__main__":  # worker processes import this module too: they must not run the command
    sys.exit(main())
