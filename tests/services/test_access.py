"""The role table of services.access: every role and permission named in Chinese, refusals say why."""

from __future__ import annotations

import pytest

from services import texts as T
from services.access import COMMAND_LINE, ROLE_PERMISSIONS, Actor, Permission, Role, require
from services.errors import Reason, ServiceError


def test_every_role_and_permission_has_a_chinese_name() -> None:
    assert set(T.ROLE_NAMES) == {r.value for r in Role}
    assert set(T.PERMISSION_NAMES) == {p.value for p in Permission}
    assert set(ROLE_PERMISSIONS) == set(Role)


@pytest.mark.parametrize("role", list(Role))
def test_require_grants_exactly_the_roles_table(role: Role) -> None:
    actor = Actor(name="某人", role=role)
    for permission in Permission:
        if permission in ROLE_PERMISSIONS[role]:
            assert require(actor, permission) is actor
        else:
            with pytest.raises(ServiceError) as err:
                require(actor, permission)
            assert err.value.reason is Reason.DENIED
            assert T.PERMISSION_NAMES[permission] in str(err.value)


def test_nobody_signed_in_is_refused() -> None:
    with pytest.raises(ServiceError) as err:
        require(None, Permission.VIEW_PLAN)
    assert err.value.reason is Reason.DENIED


def test_liaison_sees_only_their_part_and_leader_cannot_edit() -> None:
    assert not Actor("联络员", Role.LIAISON, department="市商务局").can(Permission.VIEW_ALL)
    assert not Actor("领导", Role.LEADER).can(Permission.EDIT_PLAN)
    assert COMMAND_LINE.can(Permission.MANAGE_ACCOUNTS)
