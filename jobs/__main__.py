import sys

try:
    from jobs.worker import main
except KeyboardInterrupt:  # Ctrl-C while the worker was still loading: no traceback
    from solver.texts import CLI

    sys.stderr.write(CLI["interrupted"] + "\n")
    sys.exit(130)

raise SystemExit(main())
