"""``python -m impact`` runs the command line."""

import sys

try:
    from .cli import main
except KeyboardInterrupt:  # Ctrl-C while the command line is still starting: nothing is written yet
    print("impact: interrupted while starting; nothing was written", file=sys.stderr)
    sys.exit(130)

sys.exit(main())
