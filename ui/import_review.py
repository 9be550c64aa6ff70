"""导入计划并核对: any plan document in, every topic reviewed against its source lines, then saved.

Widgets only: reading is :func:`paperwork.import_document` / :func:`paperwork.import_text`,
the corrections are applied by :mod:`paperwork.review`, saving is :mod:`services.plans`'.
An import creates a **new** plan (its own committees, departments and
leaders) unless the planner chooses to merge into the open one.

The words of this screen are ``ui/texts.py``'s ``IMPORT_REVIEW``.
"""

from __future__ import annotations

import streamlit as st

from services import ServiceError, imports, plans
from solver import PlanError
from solver.plan import Plan

from . import exports, frames, state, views
from . import texts as U
from .markdown import md_list, md_text

EXTENSIONS = ["txt", "docx", "doc", "wps", "pdf", "html", "htm"]
_KEY = "imr"  # widget key prefix of this screen


def _paperwork():
    import paperwork  # deferred: python-docx, pypdf and lxml take a while to import
    import paperwork.review

    return paperwork


def _parse(plan: Plan | None) -> None:
    merge = plan is not None and st.session_state.get(f"{_KEY}_mode") == U.IMPORT_REVIEW["mode_merge"]
    up = st.session_state.get(f"{_KEY}_file")
    text = st.session_state.get(f"{_KEY}_text") or ""
    st.session_state.pop(f"{_KEY}_draft", None)
    st.session_state.pop(f"{_KEY}_error", None)
    if up is None and not text.strip():
        st.session_state[f"{_KEY}_error"] = [U.IMPORT_REVIEW["nothing"]]
        return
    try:
        # a new plan is read on its own: the open plan's lists go in only for a merge
        draft = imports.draft_from_text(
            text,
            actor=state.actor(),
            upload=None if up is None else (up.name, up.getvalue()),
            merge_into=plan if merge else None,
        )
    except ServiceError as err:
        st.session_state[f"{_KEY}_error"] = [str(i) for i in err.issues] or [str(err)]
        return
    st.session_state[f"{_KEY}_draft"] = draft
    st.session_state[f"{_KEY}_merge"] = merge
    st.session_state[f"{_KEY}_gen"] = st.session_state.get(f"{_KEY}_gen", 0) + 1


def _discard() -> None:
    for k in ("draft", "error", "merge"):
        st.session_state.pop(f"{_KEY}_{k}", None)


def render(plan: Plan | None) -> None:
    """The whole import-and-review screen, for the open ``plan`` (used only when merging; None on an
    empty database: the first plan is imported here, so only a new plan can be made)."""
    st.html(exports.UPLOADER_CSS)  # the drop zone in Chinese, with the reader's size limit
    st.markdown(f"**{U.IMPORT_REVIEW['title']}**")
    st.caption(U.IMPORT_REVIEW["help"])
    st.file_uploader(U.IMPORT_REVIEW["file"], type=EXTENSIONS, key=f"{_KEY}_file")
    st.text_area(U.IMPORT_REVIEW["paste"], key=f"{_KEY}_text", height=120)
    if plan is not None:  # nothing to merge into on an empty database
        st.radio(
            U.IMPORT_REVIEW["mode"],
            [U.IMPORT_REVIEW["mode_new"], U.IMPORT_REVIEW["mode_merge"]],
            key=f"{_KEY}_mode",
            horizontal=True,
        )
    st.button(
        U.IMPORT_REVIEW["parse"], key=f"{_KEY}_parse", on_click=_parse, args=(plan,), icon=":material/manage_search:"
    )
    errors = st.session_state.get(f"{_KEY}_error")
    if errors:
        st.error(U.IMPORT_REVIEW["failed"] + "\n\n" + md_list(errors))
    draft = st.session_state.get(f"{_KEY}_draft")
    if draft is not None:
        _review(plan, draft)


def _review(open_plan: Plan | None, draft) -> None:
    paperwork = _paperwork()
    review = paperwork.review
    gen = st.session_state.get(f"{_KEY}_gen", 0)
    merge = st.session_state.get(f"{_KEY}_merge", False)
    plan = draft.plan
    summary = U.IMPORT_REVIEW["summary" if draft.skipped else "summary_all_used"]
    # the document's own forms: a draft read for a merge also lists the open plan's others
    st.info(summary.format(topics=len(plan.topics), forms=review.own_form_count(plan), skipped=len(draft.skipped)))
    check = review.merge_check(open_plan, draft) if merge else None
    if check is not None and check.other_plan:
        st.warning(_other_plan_warning(open_plan, check), icon=":material/warning:")
    if check is not None and check.duplicates:
        st.warning(
            U.IMPORT_REVIEW["duplicates"].format(n=len(check.duplicates))
            + "\n\n"
            + md_list([U.IMPORT_REVIEW["duplicate_topic"].format(id=i, title=t) for i, t in check.duplicates]),
            icon=":material/content_copy:",
        )
    if draft.required:
        what = U.LIST_SEP.join(
            {"year": U.IMPORT_REVIEW["year"], "body": U.IMPORT_REVIEW["body"]}[r] for r in draft.required
        )
        st.error(U.IMPORT_REVIEW["required"].format(what=what))

    c1, c2, c3, c4 = st.columns([1, 2, 1, 2])
    year = c1.number_input(
        U.IMPORT_REVIEW["year"],
        min_value=2000,
        max_value=2100,
        step=1,
        key=f"{_KEY}_year_{gen}",
        value=None if "year" in draft.required else plan.year,
        help=U.IMPORT_REVIEW["year_help"],
        disabled=merge,
    )
    body = c2.text_input(U.IMPORT_REVIEW["body"], value=plan.body, key=f"{_KEY}_body_{gen}", disabled=merge)
    months = list(range(1, 13))
    session = c3.selectbox(
        U.IMPORT_REVIEW["session"],
        months,
        index=(plan.calendar.session_month or 1) - 1,
        format_func=lambda m: U.IMPORT_REVIEW["month"].format(m=m),
        key=f"{_KEY}_session_{gen}",
        disabled=merge,
    )
    blackout = c4.multiselect(
        U.IMPORT_REVIEW["blackout_months"],
        months,
        default=plan.calendar.blackout_months,
        format_func=lambda m: U.IMPORT_REVIEW["month"].format(m=m),
        key=f"{_KEY}_blackout_{gen}",
        disabled=merge,
    )
    if draft.defaults:
        st.caption(U.IMPORT_REVIEW["defaults"] + "\n" + md_list(draft.defaults))

    st.markdown(f"**{U.IMPORT_REVIEW['forms']}**")
    form_cols = review.FORM_COLUMNS
    forms = st.data_editor(
        [
            {k: ("" if v is None else str(v)) if k in ("max_per_month", "min_gap_months") else v for k, v in f.items()}
            for f in review.form_rows(plan)
        ],
        key=f"{_KEY}_forms_{gen}",
        placeholder=frames.EDITOR_PLACEHOLDER,  # an empty cell shows nothing, not "None"
        hide_index=True,
        width="stretch",
        disabled=["id"],
        # the id stays in the rows (saving keeps it) but is not shown: an open plan's forms have
        # English ids (special, plenary) that mean nothing to the planner; the name says it all
        column_order=["name", "session_only", "max_per_month", "min_gap_months"],
        column_config={
            "name": st.column_config.TextColumn(form_cols["name"]),
            "session_only": st.column_config.CheckboxColumn(form_cols["session_only"]),
            # text, not number, columns: an empty limit shows as empty, not "None"
            "max_per_month": st.column_config.TextColumn(
                form_cols["max_per_month"], help=U.IMPORT_REVIEW["limit_help"]
            ),
            "min_gap_months": st.column_config.TextColumn(form_cols["min_gap_months"]),
        },
    )

    st.markdown(f"**{U.IMPORT_REVIEW['topics']}**")
    cols = review.COLUMNS
    form_names = [f["name"] for f in forms if f.get("name")]
    rows = st.data_editor(
        review.topic_rows(draft),
        key=f"{_KEY}_topics_{gen}",
        placeholder=frames.EDITOR_PLACEHOLDER,  # an empty 固定月份 showed "None" (trial, issue 11's kind)
        hide_index=True,
        width="stretch",
        num_rows="dynamic",
        disabled=["id", "lines", "confidence", "doubts"],
        # how sure, and why, first: the planner reads the doubtful rows before the rest
        column_order=[
            "id",
            "confidence",
            "doubts",
            "title",
            "form",
            "time",
            "lead",
            "departments",
            "leaders",
            "after",
            "fixed_month",
            "notes",
            "lines",
        ],
        column_config={
            "id": st.column_config.TextColumn(cols["id"], width="small"),
            "title": st.column_config.TextColumn(cols["title"], width="medium"),
            "form": st.column_config.SelectboxColumn(cols["form"], options=form_names),
            "time": st.column_config.TextColumn(cols["time"]),
            "lead": st.column_config.TextColumn(cols["lead"]),
            "departments": st.column_config.TextColumn(cols["departments"], width="medium"),
            "leaders": st.column_config.TextColumn(cols["leaders"]),
            "after": st.column_config.TextColumn(cols["after"], help=U.IMPORT_REVIEW["after_help"]),
            "fixed_month": st.column_config.NumberColumn(
                cols["fixed_month"],
                min_value=1,
                max_value=12,
                step=1,
                format=U.MONTH_NUMBER_FORMAT,
                help=U.IMPORT_REVIEW["fixed_month_help"],
            ),
            "notes": st.column_config.TextColumn(cols["notes"], width="medium"),
            "lines": st.column_config.TextColumn(cols["lines"], width="small"),
            "confidence": st.column_config.ProgressColumn(
                cols["confidence"], min_value=0, max_value=100, format="%d%%", width="small"
            ),
            "doubts": st.column_config.TextColumn(cols["doubts"]),
        },
    )

    with st.expander(U.IMPORT_REVIEW["sources"]):
        st.dataframe(
            [{review.SOURCE_COLUMNS[k]: v for k, v in row.items()} for row in review.source_rows(draft)],
            hide_index=True,
            width="stretch",
            key=f"{_KEY}_sources_{gen}",
        )
    if draft.warnings:
        with st.expander(U.IMPORT_REVIEW["warnings"].format(n=len(draft.warnings)), icon=":material/info:"):
            st.text("\n".join(draft.warnings))
    if draft.skipped:
        with st.expander(U.IMPORT_REVIEW["skipped"].format(n=len(draft.skipped))):
            st.dataframe(
                [
                    {
                        # a place ("第 2 页第 1 行") for text the extraction left out of the numbered lines
                        U.IMPORT_REVIEW["line"]: s.place or str(s.line),
                        U.IMPORT_REVIEW["text"]: s.text,
                        U.IMPORT_REVIEW["reason"]: s.reason,
                    }
                    for s in draft.skipped
                ],
                hide_index=True,
                width="stretch",
                key=f"{_KEY}_skipped_{gen}",
            )
    with st.expander(U.IMPORT_REVIEW["source"]):
        st.text("\n".join(f"{i:>4}  {line}" for i, line in enumerate(draft.lines, start=1) if line.strip()))

    confirmed, keep_duplicates = True, False
    if check is not None and check.other_plan:
        confirmed = st.checkbox(U.IMPORT_REVIEW["confirm_other"], key=f"{_KEY}_confirm_other_{gen}")
    if check is not None and check.duplicates:
        keep_duplicates = st.checkbox(
            U.IMPORT_REVIEW["keep_duplicates"].format(n=len(check.duplicates)), key=f"{_KEY}_keep_dup_{gen}"
        )
    b1, b2, _ = st.columns([2, 1, 3])
    label = U.IMPORT_REVIEW["save_merge"] if merge else U.IMPORT_REVIEW["save_new"]
    save = b1.button(label, key=f"{_KEY}_save", type="primary", icon=":material/save:", disabled=not confirmed)
    b2.button(U.IMPORT_REVIEW["discard"], key=f"{_KEY}_discard", on_click=_discard)
    if not save:
        return
    try:
        if merge:
            reviewed = review.apply_review(
                draft, list(rows), forms=list(forms), body=open_plan.body, year=open_plan.year
            )
            new_plan = review.merge_into(open_plan, reviewed, keep_duplicates=keep_duplicates)
        else:
            new_plan = review.apply_review(
                draft,
                list(rows),
                forms=list(forms),
                body=body,
                year=int(year) if year is not None else None,
                session_month=session,
                blackout_months=blackout,
            )
    except paperwork.PaperworkError as err:
        st.error(U.IMPORT_REVIEW["bad"].format(n=len(err.issues)) + "\n\n" + md_list([i.message for i in err.issues]))
        return
    if merge and len(new_plan.topics) == len(open_plan.topics):  # every topic was a duplicate left out
        st.info(U.IMPORT_REVIEW["nothing_new"])
        return
    try:
        if merge:
            version = state.save_plan(new_plan)
            message = U.IMPORT_REVIEW["saved_merge"].format(version=version)
        else:
            new_id = plans.create_plan(state.engine(), new_plan, actor=state.actor(), imported=True)
            state.refresh()
            state.open_new_plan(new_id)  # the new plan opens, as after an Excel import (the picker follows)
            message = U.IMPORT_REVIEW["saved_new"].format(label=md_text(f"{new_plan.body} {new_plan.year}"))
    except (ServiceError, PlanError) as err:
        st.error(md_text(err))
        return
    _discard()
    views.flash(message)
    st.rerun()


def _other_plan_warning(open_plan: Plan, check) -> str:
    """The sentence that a merge would bring another body's or year's topics into the open plan."""
    doc = " ".join(
        x
        for x in (
            check.other_body,
            U.IMPORT_REVIEW["year_of"].format(year=check.other_year) if check.other_year is not None else None,
        )
        if x
    )
    return U.IMPORT_REVIEW["other_plan"].format(
        doc=md_text(doc), open=md_text(f"{open_plan.body} {U.IMPORT_REVIEW['year_of'].format(year=open_plan.year)}")
    )
