"""The use cases of the dashboard, as plain functions: no Streamlit.

Each takes the caller's engine (``services.database.open_database()``), works
through the data layer (:mod:`store`) in its transactions and raises one error
type, :class:`ServiceError`, whose message is Chinese. ``pages/`` and ``ui/``
call these and never import :mod:`store`.

- :mod:`services.database` — open the database, its label for the sidebar
- :mod:`services.plans` — list, open (plan + current schedule), save an edit, create
- :mod:`services.schedules` — record a solve, adopt a what-if
- :mod:`services.scenarios` — save, list, compare, restore saved versions
- :mod:`services.imports` — a plan from an Excel workbook or a published text
- :mod:`services.jobs` — solve and re-plan jobs: submit, watch, cancel, adopt a candidate; the administrator's settings
- :mod:`services.access` — roles, permissions, the acting account (:class:`~services.access.Actor`)
- :mod:`services.accounts` — the first administrator, accounts, sign-in with back-off, idle sessions
- :mod:`services.audit` — the audit trail: the row a write records, search, Excel export

Every use case takes the signed-in account as ``actor=`` and checks its
permission first; every write records its audit row in the same transaction.
- :mod:`services.printing` — leadership's one-page sheet of the year, as PDF and PNG (headless Chromium)
"""

from .errors import Reason, ServiceError

__all__ = ["Reason", "ServiceError"]
