import sys

try:
    from .cli import main
except (KeyboardInterrupt, ImportError) as err:  # Ctrl-C while the command was still loading: no traceback
    # a C extension interrupted in its initialisation (OR-Tools' pybind11 modules)
    # raises ImportError("initialization failed") from the KeyboardInterrupt
    if isinstance(err, ImportError) and not isinstance(err.__cause__ or err.__context__, KeyboardInterrupt):
        raise
    from solver.texts import CLI

    sys.stderr.write(CLI["interrupted"] + "\n")
    sys.exit(130)

sys.exit(main())
