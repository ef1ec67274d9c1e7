"""``python -m ledger``: the debt-ledger command."""

import sys

from .cli import main

sys.exit(main())
