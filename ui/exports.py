"""Downloads (plan document, calendars, workbook, JSON) and uploads (Excel, published text).

The conversions are :mod:`paperwork`'s, reading an import and saving it are
:mod:`services`' (``imports``, ``plans``); this module lays out the buttons and
shows their Chinese messages. Downloads are
*deferred* (``data`` is a callable): a document is only built when the planner
clicks, so a page rerun stays fast. ``paperwork`` itself (python-docx, openpyxl,
icalendar: half a second to import) is imported on first use for the same reason.
"""

from __future__ import annotations

import streamlit as st

from services import ServiceError, plans
from services import imports as import_service
from solver.plan import Plan, Schedule

from . import state, views
from . import texts as U
from .downloads import file_button
from .markdown import md_list, md_text

ENTITY_KINDS = ("leader", "department", "committee")
MAX_UPLOAD_MB = 10  # paperwork.MAX_UPLOAD_BYTES; a test keeps the two equal


def _paperwork():
    import paperwork

    return paperwork


# st.file_uploader speaks English ("Upload", "200MB per file") and cannot be told
# otherwise; these rules put the Chinese words in their place.
UPLOADER_CSS = f"""
<style>
[data-testid="stFileUploaderDropzone"] button p {{font-size: 0;}}
[data-testid="stFileUploaderDropzone"] button p::after {{content: "{U.IM_BROWSE}"; font-size: .9rem;}}
[data-testid="stFileUploaderDropzoneInstructions"] span {{font-size: 0;}}
[data-testid="stFileUploaderDropzoneInstructions"] span::after {{
  content: "{U.IM_DROP.format(limit=MAX_UPLOAD_MB)}"; font-size: .85rem;}}
</style>
"""


def _stem(plan: Plan) -> str:
    return U.FILE_STEM.format(body=plan.body or U.FILE_STEM_NO_BODY, year=plan.year)


def _usable(schedule: Schedule | None) -> Schedule | None:
    """A schedule the documents can show (None: paperwork drafts from the plan's own months)."""
    return schedule if schedule is not None and schedule.assignments else None


def downloads(plan: Plan, schedule: Schedule | None) -> None:
    """The plan as Word, Excel, calendars and JSON, for the schedule shown."""
    sched = _usable(schedule)
    if sched is None:
        st.caption(U.EX_NEED_SCHEDULE)
    c1, c2, c3, c4 = st.columns(4)
    file_button(
        c1,
        U.EX_DOCX,
        lambda: _paperwork().plan_document(plan, sched),
        kind="docx",
        file_name=f"{_stem(plan)}.docx",
        key="dl_docx",
    )
    file_button(
        c2,
        U.EX_XLSX,
        lambda: _paperwork().plan_to_xlsx(plan, sched),
        kind="xlsx",
        file_name=f"{_stem(plan)}.xlsx",
        key="dl_xlsx",
    )
    file_button(
        c3,
        U.EX_ICS_ALL,
        lambda: _paperwork().all_calendars(plan, sched),
        kind="zip",
        file_name=U.FILE_ICS_ZIP.format(stem=_stem(plan)),
        key="dl_ics_all",
        help=U.EX_ICS_ALL_HELP,
    )
    file_button(
        c4,
        U.EX_JSON,
        plan.to_json().encode("utf-8"),
        kind="json",
        file_name=f"{_stem(plan)}.json",
        key="dl_json",
    )
    k1, k2, k3 = st.columns([1, 2, 1], vertical_alignment="bottom")
    kind = k1.selectbox(U.EX_ICS_KIND, ENTITY_KINDS, format_func=U.ENTITY_KIND.get, key="dl_ics_kind")
    items = {"leader": plan.leaders, "department": plan.departments, "committee": plan.committees}[kind]
    names = {x.id: x.name for x in items}
    entity = k2.selectbox(U.EX_ICS_ENTITY, list(names), format_func=names.get, key="dl_ics_entity")
    if entity is not None:
        file_button(
            k3,
            U.EX_ICS,
            lambda: _paperwork().calendars(plan, sched, kind=kind, entity_id=entity),
            kind="ics",
            file_name=U.FILE_ICS_ONE.format(year=plan.year, kind=U.ENTITY_KIND[kind], name=names[entity]),
            key="dl_ics_one",
        )


# -- uploads -------------------------------------------------------------------------------------


def _show_import_error(err: ServiceError) -> None:
    st.error(U.IM_FAILED.format(n=len(err.issues)) + "\n\n" + md_list([str(i) for i in err.issues]))


def _upload(key: str) -> tuple[str, bytes] | None:
    """The uploaded file of widget ``key`` as (name, bytes), or None (checked by the import service)."""
    f = st.session_state.get(key)
    return None if f is None else (f.name, f.getvalue())


def _create(plan: Plan) -> None:
    try:
        new_id = plans.create_plan(state.engine(), plan, actor=state.actor(), imported=True)
    except ServiceError as err:
        views.flash(md_text(err), "error")
        return
    state.refresh()
    st.session_state.plan_picker = new_id  # the picker follows: the new plan opens
    st.session_state.pop("im_xlsx_plan", None)
    views.flash(U.IM_SAVED.format(label=md_text(f"{plan.body} {plan.year}")))


def _replace(plan: Plan) -> None:
    try:
        version = state.save_plan(plan)
    except ServiceError as err:
        views.flash(md_text(err), "error")
        return
    st.session_state.pop("im_xlsx_plan", None)
    views.flash(U.RES_SAVED.format(version=version))


def _plan_preview(plan: Plan) -> None:
    st.caption(
        U.IM_SUMMARY.format(
            topics=len(plan.topics),
            forms=len(plan.forms),
            committees=len(plan.committees),
            departments=len(plan.departments),
            leaders=len(plan.leaders),
        )
    )
    st.dataframe(
        views.topic_list(plan, None, None),
        hide_index=True,
        width="stretch",
        height=240,
        column_config=views.TOPIC_LIST_COLUMNS,
    )


def imports(plan: Plan | None) -> None:
    """Excel template and import. A published plan's text is imported only on the review screen
    (``ui/import_review.py``): one path, which reads a new plan with its own lists.

    ``plan`` is the open plan, or None on an empty database: then only a new plan can be made
    (no export of the open plan, no replacing it)."""
    st.html(UPLOADER_CSS)
    st.caption(U.IM_TEXT_MOVED)
    c1, c2 = st.columns(2)
    file_button(
        c1,
        U.EX_TEMPLATE,
        lambda: _paperwork().template(),
        kind="xlsx",
        file_name=U.FILE_TEMPLATE,
        key="dl_template",
        icon=":material/download:",
    )
    if plan is not None:
        file_button(
            c2,
            U.EX_XLSX_THIS,
            lambda: _paperwork().plan_to_xlsx(plan, _usable(state.schedule())),
            kind="xlsx",
            file_name=f"{_stem(plan)}.xlsx",
            key="dl_this_xlsx",
        )
    st.file_uploader(U.IM_XLSX, type=None, key="im_xlsx", help=U.IM_XLSX_HELP)
    up = _upload("im_xlsx")
    if up is not None:
        try:
            st.session_state.im_xlsx_plan = import_service.plan_from_xlsx(*up, actor=state.actor())
        except ServiceError as err:
            st.session_state.pop("im_xlsx_plan", None)
            _show_import_error(err)
    imported = st.session_state.get("im_xlsx_plan")
    if imported is not None and up is not None:
        st.markdown(f"**{U.IM_PREVIEW}**")
        _plan_preview(imported)
        b1, b2 = st.columns(2)
        b1.button(
            U.IM_REPLACE,
            key="im_xlsx_replace",
            on_click=_replace,
            args=(imported,),
            icon=":material/sync_alt:",
            width="stretch",
            disabled=plan is None,  # nothing open to replace
        )
        b2.button(
            U.IM_SAVE,
            key="im_xlsx_new",
            on_click=_create,
            args=(imported,),
            type="primary",
            icon=":material/add:",
            width="stretch",
        )
