"""议题与资源: edit the plan in tables; every problem shown by row; only a valid plan is saved."""

import streamlit as st

from services import Reason, ServiceError
from ui import exports, frames, import_review, state, views
from ui import texts as U
from ui.markdown import md_text

state.page_gate(page="resources")
plan = state.plan()
if plan is None:  # an empty database (a new office install): the first plan comes in here
    st.title(U.PAGE["resources"][0])
    views.show_flash()
    st.info(U.RES_FIRST_PLAN)
    with st.expander(U.IMPORT_REVIEW["title"], icon=":material/fact_check:", expanded=True):
        import_review.render(None)
    with st.expander(U.RES_IMPORT, icon=":material/upload_file:"):
        exports.imports(None)
    st.stop()

st.title(U.PAGE["resources"][0])
editable = views.frozen_banner(U.RES_FROZEN)
if editable:
    st.caption(U.RES_INTRO)
views.show_flash()
checks = st.container()  # filled after the tables: problems and the save button sit above them

base = views.editor_frames(st.session_state.plan_token, plan)
edited = {}
for section, tab in zip(frames.SECTIONS, st.tabs([frames.tab_label(s) for s in frames.SECTIONS]), strict=True):
    with tab:
        edited[section] = st.data_editor(
            base[section],
            key=views.editor_key(section),
            column_config=frames.editor_columns(plan, section),
            column_order=frames.editor_column_order(section),
            placeholder=frames.EDITOR_PLACEHOLDER,
            num_rows="fixed" if section == "plan" or not editable else "dynamic",
            disabled=not editable,
            hide_index=True,
            width="stretch",
            height=views.editor_height(len(base[section])),
        )

dirty = editable and views.editors_dirty()
new_plan, issues = frames.validate_frames(plan, edited) if dirty else (None, None)
if editable:  # read-only (frozen): no check, no save button
    with checks:
        verdict = st.empty()  # 「检查通过」, replaced by the refusal if the save is refused
        if dirty and new_plan is None:
            verdict.error(U.RES_ISSUES.format(n=len(issues)))
            st.dataframe(issues, hide_index=True, width="stretch", key="res_issues")
        elif dirty:
            verdict.success(U.RES_VALID)
            defaulted = frames.new_topics_without_months(plan, frames.with_new_ids(plan, edited))
            if defaulted:
                lo, hi = frames.usual_window(plan)
                st.info(U.RES_DEFAULT_WINDOW.format(topics=md_text(U.LIST_SEP.join(defaulted)), lo=lo, hi=hi))
        c1, c2, _ = st.columns([1, 1, 4])
        save = c1.button(U.RES_SAVE, type="primary", disabled=new_plan is None, key="res_save", icon=":material/save:")
        c2.button(U.RES_DISCARD, disabled=not dirty, key="res_discard", on_click=views.discard_edits)
        if not dirty:
            st.caption(U.RES_NO_CHANGES)
        if save and new_plan is not None:
            try:
                version = state.save_plan(new_plan)
            except ServiceError as err:
                verdict.error(md_text(err))
                if err.reason is Reason.STALE:
                    st.caption(U.RES_STALE_HINT)
                    st.button(
                        U.RES_STALE_RELOAD, key="res_reload", on_click=views.reload_latest, icon=":material/sync:"
                    )
            else:
                views.flash(
                    U.RES_SAVED.format(version=version)
                    + (U.SENTENCE_SEP + U.RES_SCHEDULE_STALE if state.schedule() else "")
                )
                st.rerun()

with st.expander(U.RES_IMPORT, icon=":material/upload_file:"):
    exports.imports(plan)
with st.expander(U.IMPORT_REVIEW["title"], icon=":material/fact_check:"):
    import_review.render(plan)
