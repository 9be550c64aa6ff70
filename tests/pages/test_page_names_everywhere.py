"""Every name a person types is text on every page, for every role: no Markdown, no LaTeX, no link, no HTML.

Titles, department/leader/committee/form names, account display names, a
liaison's department, approval notes and comments, scenario names and a job's
author all carry every trick Streamlit's Markdown knows. Each page is opened as
the administrator (who sees every page) and as the 部门联络员 (whose department
is shown); every Markdown-rendered string on the page (messages, captions,
widget labels and help, expander and tab labels) must hold the trick escaped.
"""

from __future__ import annotations

import re

import pytest
from page_helpers import APP, TIMEOUT
from streamlit.testing.v1 import AppTest

from services import ServiceError, accounts, approval, jobs, scenarios
from services.access import Actor, Role
from services.approval import Move
from solver import SolveOptions
from store import api as store
from tests.actors import ADMIN
from ui import navigation

PASSWORD = "names-everywhere-1"


def hostile(tag: str) -> str:
    """A name holding bold, HTML, LaTeX, a javascript link, a colour directive, a table bar and a heading mark."""
    return f"**{tag}**<b>粗</b>$x^2$[链](javascript:alert(1)):red[红]|#"


# Any of these unescaped in a Markdown string means the name was rendered, not shown.
RENDERED = re.compile(
    r"(?<!\\)<b>粗|(?<!\\)\$x\^2|(?<!\\)\[链|(?<!\\):red\\?\[红|(?<!\\)\*\*(题|部|领|委|形|方案|评论|用户)"
)
# Proto fields Streamlit renders as Markdown (a select box's options and an input's value are plain text).
MARKDOWN_FIELDS = {"body", "label", "help", "caption", "text"}
PLAIN_TYPES = {"html", "arrow_data_frame", "arrow_vega_lite_chart", "code", "json", "selectbox", "multiselect"}


def _prepare(engine) -> int:
    pid = next(p.id for p in store.list_plans(engine) if p.has_current_schedule)
    plan, version = store.load_plan(engine, pid)
    schedule = store.current_schedule(engine, pid)
    for i, t in enumerate(plan.topics[:3]):
        t.title = hostile(f"题{i}")
    for kind, tag in (("departments", "部"), ("leaders", "领"), ("committees", "委"), ("forms", "形")):
        for i, item in enumerate(getattr(plan, kind)):
            item.name = hostile(f"{tag}{i}")
    store.save_plan(engine, pid, plan, version)
    _, version = store.load_plan(engine, pid)
    store.set_current_schedule(engine, pid, schedule, expected_version=version)
    planner = Actor(name=hostile("用户编排"), role=Role.PLANNER)
    leader = Actor(name=hostile("用户主席"), role=Role.LEADER)
    scenarios.save_scenario(engine, pid, schedule, name=hostile("方案"), actor=planner, note=hostile("方案注"))

    def go(which: Move, who: Actor, **kw) -> None:
        approval.move(engine, pid, which, actor=who, expected=approval.summary(engine, pid, actor=who).state, **kw)

    go(Move.SUBMIT, planner, note=hostile("评论送审"))
    approval.add_comment(engine, approval.versions(engine, pid, actor=leader)[-1].id, hostile("评论"), actor=leader)
    admin = ADMIN  # the template's accounts exist already
    accounts.create_account(
        engine, login="admin_h", password=PASSWORD, role="admin", display_name=hostile("用户管"), actor=admin
    )
    accounts.create_account(
        engine,
        login="__liaison__",  # a login name may hold Markdown's underscores
        password=PASSWORD,
        role="liaison",
        display_name=hostile("用户联络"),
        department=plan.department_by_id()[next(t for t in plan.topics if t.departments).departments[0]].name,
        actor=admin,
    )
    _, version = store.load_plan(engine, pid)
    try:  # recorded even when no queue is there to take it
        jobs.submit_solve(engine, pid, version, SolveOptions(time_limit_s=1), actor=planner)
    except ServiceError:
        pass
    return pid


@pytest.fixture
def hostile_db(engine):
    return _prepare(engine)


def _walk(node):
    yield node
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        for child in children.values():
            yield from _walk(child)


def rendered_names(at: AppTest) -> list[str]:
    """Every Markdown string on the page that shows a trick rendered instead of as typed."""
    found = []
    for el in _walk(at._tree):
        proto, kind = getattr(el, "proto", None), getattr(el, "type", "")
        if proto is None or kind in PLAIN_TYPES:
            continue
        for field, value in proto.ListFields():
            values = [value] if isinstance(value, str) else list(value) if field.name == "options" else []
            if field.name not in MARKDOWN_FIELDS and not (kind == "radio" and field.name == "options"):
                continue
            found += [f"{kind}.{field.name}: {v}" for v in values if isinstance(v, str) and RENDERED.search(v)]
    return found


@pytest.mark.parametrize(("login", "role"), [("admin_h", Role.ADMIN), ("__liaison__", Role.LIAISON)])
def test_every_name_is_text_on_every_page(engine, hostile_db, login, role):
    leaks = {}
    for spec in navigation.PAGES:
        if not Actor(name="x", role=role).can(spec.permission):
            continue
        at = AppTest.from_file(APP, default_timeout=TIMEOUT)
        at.session_state["auth_token"] = accounts.authenticate(engine, login, PASSWORD).token
        at.run()
        at.session_state["plan_picker"] = hostile_db
        at.switch_page(spec.path).run()
        assert not at.exception, (spec.key, at.exception)
        if found := rendered_names(at):
            leaks[spec.key] = found
    assert not leaks, leaks
