"""Actors for tests that call the services directly (no account row is needed for most use cases)."""

from __future__ import annotations

from services.access import Actor, Role

ADMIN = Actor(name="管理员甲", role=Role.ADMIN, login="admin")
PLANNER = Actor(name="张三", role=Role.PLANNER, login="zhangsan")
LEADER = Actor(name="王主席", role=Role.LEADER, login="wang")
LIAISON = Actor(name="商务局联络员", role=Role.LIAISON, login="swj", department="市商务局")
ACTORS = {Role.ADMIN: ADMIN, Role.PLANNER: PLANNER, Role.LEADER: LEADER, Role.LIAISON: LIAISON}


def planner(name: str = "张三", account_id: int | None = None) -> Actor:
    """A 编排人员 called ``name`` (``account_id``: when a test counts jobs per account)."""
    return Actor(name=name, role=Role.PLANNER, account_id=account_id, login=name)


def admin(name: str = "管理员甲") -> Actor:
    return Actor(name=name, role=Role.ADMIN, login=name)
