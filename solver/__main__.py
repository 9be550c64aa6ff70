import sys

try:
    from .cli import main
except KeyboardInterrupt:  # Ctrl-C while the command was still loading: no traceback
    from solver.texts import CLI

    sys.stderr.write(CLI["interrupted"] + "\n")
    sys.exit(130)

sys.exit(main())
