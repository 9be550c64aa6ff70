"""The app's pages and the permission each needs: one list (app.py builds the navigation from it).

The navigation lists only the pages the signed-in role may use; each page
checks again on its own (``state.require_plan(page=…)`` or
``auth.require(permission)``), and the services refuse anyway. To add a page:
one :class:`PageSpec` here, its title and icon in ``ui/texts.py: PAGE``.
"""

from __future__ import annotations

from dataclasses import dataclass

from services.access import Actor, Permission, Role


@dataclass(frozen=True)
class PageSpec:
    path: str  # the page file, relative to the repository root
    key: str  # its key in ui.texts.PAGE (title, icon)
    permission: Permission  # what the role needs to see it


PAGES: list[PageSpec] = [
    PageSpec("pages/overview.py", "overview", Permission.VIEW_PLAN),
    PageSpec("pages/leadership.py", "leadership", Permission.VIEW_ALL),
    PageSpec("pages/resources.py", "resources", Permission.EDIT_PLAN),
    PageSpec("pages/solve.py", "solve", Permission.SOLVE),
    PageSpec("pages/whatif.py", "whatif", Permission.SOLVE),
    PageSpec("pages/conflicts.py", "conflicts", Permission.VIEW_ALL),
    PageSpec("pages/load.py", "load", Permission.VIEW_ALL),
    PageSpec("pages/approval.py", "approval", Permission.VIEW_PLAN),
    PageSpec("pages/notices.py", "notices", Permission.VIEW_NOTICES),
    PageSpec("pages/accounts.py", "accounts", Permission.MANAGE_ACCOUNTS),
    PageSpec("pages/audit.py", "audit", Permission.VIEW_AUDIT),
]


# Where a role's session starts when it is not the menu's first page: leadership reads the year at a glance.
START_PAGE: dict[Role, str] = {Role.LEADER: "leadership"}


def pages_for(actor: Actor) -> list[PageSpec]:
    """The pages ``actor``'s role may use, in menu order (the first is where a session starts)."""
    pages = [p for p in PAGES if actor.can(p.permission)]
    start = START_PAGE.get(actor.role)
    return sorted(pages, key=lambda p: p.key != start) if start else pages


def permission_of(key: str) -> Permission:
    """The permission the page ``key`` needs."""
    return next(p.permission for p in PAGES if p.key == key)
