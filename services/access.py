"""Who may do what (issue 12): roles, permissions and the acting account.

Every use case that reads or writes a plan takes the caller as an
:class:`Actor` and calls :func:`require` before touching the data layer, so a
permission is enforced here, in the service layer, whatever the page shows or
hides. A refused action raises :class:`~services.errors.ServiceError` with
``reason=Reason.DENIED`` and a Chinese sentence; nothing is written.

Roles (the office's own words in :mod:`services.texts`):

========  ===================================================================
admin     管理员: accounts and settings, the audit trail; everything a planner may do
planner   编排人员: edit, solve, adopt, save versions, move a plan through approval
leader    领导: view, comment, approve the approval step assigned to their role
liaison   部门联络员: view the plan as it concerns their department, their notices
========  ===================================================================

The command-line tools act as :data:`COMMAND_LINE` (an administrator): whoever
can run them can open the database file or server directly anyway; their
writes are still recorded in the audit trail under that name.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from . import texts as T
from .errors import Reason, ServiceError


class Role(enum.StrEnum):
    """An account's role; the value is what the database stores."""

    ADMIN = "admin"
    PLANNER = "planner"
    LEADER = "leader"
    LIAISON = "liaison"


class Permission(enum.StrEnum):
    """One kind of action a use case may need."""

    VIEW_PLAN = "view_plan"  # open a plan, its schedule, versions, charts (a liaison: only their department's part)
    VIEW_ALL = "view_all"  # the whole plan, not only one department's part
    EDIT_PLAN = "edit_plan"  # save an edit, create or import a plan, save/restore a scenario
    SOLVE = "solve"  # submit a solve or re-plan job, cancel it
    ADOPT = "adopt"  # make a candidate or what-if result the current schedule
    ADVANCE = "advance"  # move a plan through the approval states (submit, issue, start a mid-year change)
    APPROVE = "approve"  # approve or return the approval step assigned to one's role
    COMMENT = "comment"  # comment on a plan or version
    MANAGE_ACCOUNTS = "manage_accounts"  # create, disable, reset accounts, change roles
    MANAGE_SETTINGS = "manage_settings"  # the administrator's settings (time limit cap, queue limits)
    VIEW_AUDIT = "view_audit"  # search and export the audit trail
    VIEW_NOTICES = "view_notices"  # the notices of a department, committee or leader


_PLANNER = frozenset(
    {
        Permission.VIEW_PLAN,
        Permission.VIEW_ALL,
        Permission.EDIT_PLAN,
        Permission.SOLVE,
        Permission.ADOPT,
        Permission.ADVANCE,
        Permission.COMMENT,
        Permission.VIEW_NOTICES,
    }
)

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: _PLANNER
    | {Permission.MANAGE_ACCOUNTS, Permission.MANAGE_SETTINGS, Permission.VIEW_AUDIT, Permission.APPROVE},
    Role.PLANNER: _PLANNER,
    Role.LEADER: frozenset({Permission.VIEW_PLAN, Permission.VIEW_ALL, Permission.COMMENT, Permission.APPROVE}),
    Role.LIAISON: frozenset({Permission.VIEW_PLAN, Permission.VIEW_NOTICES}),
}


@dataclass(frozen=True)
class Actor:
    """The account a use case runs for.

    ``name`` is what the audit trail and the pages show (the account's display
    name); ``login`` the account's login name (``""`` for the command line);
    ``department`` the department name a 部门联络员 speaks for (matched by name,
    since department codes are per plan), ``None`` for the other roles.
    """

    name: str
    role: Role
    account_id: int | None = None
    login: str = ""
    department: str | None = None

    def can(self, permission: Permission) -> bool:
        """Whether this actor's role grants ``permission``."""
        return permission in ROLE_PERMISSIONS[self.role]


COMMAND_LINE = Actor(name=T.COMMAND_LINE_ACTOR, role=Role.ADMIN)


def require(actor: Actor | None, permission: Permission) -> Actor:
    """Refuse unless ``actor`` may do ``permission``; return the actor.

    Raises :class:`ServiceError` (``Reason.DENIED``, Chinese message naming the
    role and the action) when the actor is ``None`` (not signed in) or its role
    lacks the permission.
    """
    if actor is None:
        raise ServiceError(T.NOT_SIGNED_IN, reason=Reason.DENIED)
    if not actor.can(permission):
        raise ServiceError(T.denied(T.ROLE_NAMES[actor.role], T.PERMISSION_NAMES[permission]), reason=Reason.DENIED)
    return actor
