"""``python -m store --help``: create/upgrade the database, import, export, list."""

import sys

from .cli import main

sys.exit(main())
