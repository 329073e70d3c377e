"""``python -m checker`` runs the command line."""

import sys

from checker.main import main

sys.exit(main())
