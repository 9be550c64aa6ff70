"""Suite-wide settings.

Under CI=true hypothesis draws the same examples on every run (``derandomize``):
a CI result then depends on the code, not on the luck of the draw. Developers'
runs keep drawing fresh examples, and a bug they find is kept in the local
example database for the next run.
"""

import os

from hypothesis import settings

# engine / db_url / backend: a real database on SQLite and PostgreSQL (tests/store, tests/services)
# redis_server / start_worker: a real broker and real worker processes (tests/jobs, tests/pages)
pytest_plugins = ["tests.db_fixtures", "tests.job_fixtures"]

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI") == "true":
    settings.load_profile("ci")
