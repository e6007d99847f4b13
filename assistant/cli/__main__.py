"""``python -m assistant.cli``: the same as the ``jangbogi`` command."""

import sys

from assistant.cli import main

if __name__ == "__main__":
    sys.exit(main())
