"""全年总览: KPIs, filters, the 12-month calendar, the list and the monthly spread."""

import streamlit as st

from solver import texts as ST
from ui import exports, select, state, views
from ui import texts as U
from ui.markdown import md_text

plan = state.require_plan(page="overview")
schedule = state.schedule()
views.apply_jump()  # a "在全年总览中查看" link from another page sets a filter

st.title(U.PAGE["overview"][0])
st.caption(U.OV_CAPTION.format(body=md_text(plan.body), year=plan.year, n=len(plan.topics)))

# Widths so that 「方案状态」 with its help icon and 「清除筛选」 are not cut at 1280 px (tests/browser).
k1, k2, k3, k4 = st.columns([1, 1.3, 1, 4])
k1.metric(U.OV_KPI_TOPICS, len(plan.topics), border=True)
k2.metric(
    U.OV_KPI_STATUS,
    U.STATUS_SHORT[schedule.status] if schedule else "—",
    border=True,
    help=ST.STATUS[schedule.status] if schedule else U.SIDEBAR_NO_SCHEDULE,
)
k3.metric(
    U.OV_KPI_WARNINGS,
    len(views.current_report().warnings) if schedule and schedule.assignments else "—",  # never solved: no count
    help=U.OV_KPI_WARNINGS_HELP,
    border=True,
)
with k4:
    st.html(views.form_kpis_html(plan))

f1, f2, f3, f4, f5 = st.columns([1, 1, 1, 1, 0.72], vertical_alignment="bottom")
committee = views.entity_filter(f1, U.OV_FILTER_COMMITTEE, plan.committees, "ov_committee")
department = views.entity_filter(f2, U.OV_FILTER_DEPARTMENT, plan.departments, "ov_department")
leader = views.entity_filter(f3, U.OV_FILTER_LEADER, plan.leaders, "ov_leader")
form = views.entity_filter(f4, U.OV_FILTER_FORM, plan.forms, "ov_form")
f5.button(U.OV_FILTER_CLEAR, on_click=views.clear_filters, key="ov_clear", width="stretch")

filtered = any((committee, department, leader, form))
shown = (
    select.topic_filter(plan, schedule, committee=committee, department=department, leader=leader, form=form)
    if filtered
    else None
)
if filtered:
    st.caption(U.OV_FILTER_RESULT.format(n=len(shown)))
if schedule is None:
    st.info(U.OV_NO_SCHEDULE)
elif not schedule.has_schedule:
    st.error(U.OV_INFEASIBLE.format(explanation=md_text(schedule.explanation or "")))
if schedule is not None and (outdated := state.outdated_note()):
    st.warning(md_text(outdated), icon=":material/history:")

# Lazy tabs: only the open one is drawn, so the first paint does not wait for the table and chart code.
tab_cal, tab_list, tab_spread = st.tabs(
    [U.OV_TAB_CALENDAR, U.OV_TAB_LIST, U.LD_MONTH_TOTAL], key="ov_tab", on_change="rerun"
)
if tab_cal.open:
    with tab_cal:
        many = len(plan.topics) > views.MANY_TOPICS
        v1, v2 = st.columns([1, 2], vertical_alignment="bottom")
        view = v1.segmented_control(
            U.OV_VIEW,
            list(U.OV_VIEWS),
            format_func=U.OV_VIEWS.get,
            default="matrix" if many else "cards",
            required=True,
            key=f"ov_view_{st.session_state.plan_id}",
            persist_state="session",
        )
        compact = (
            v2.toggle(
                U.OV_COMPACT,
                key=f"ov_compact_{st.session_state.plan_id}",
                value=many,
                persist_state="session",
            )
            if view == "cards"
            else True
        )
        st.html(
            views.calendar_html(
                st.session_state.plan_token,
                st.session_state.schedule_token,
                tuple(sorted(shown)) if shown is not None else None,
                compact,
                plan,
                schedule,
                view,
            )
        )
if tab_list.open:
    with tab_list:
        st.dataframe(
            views.topic_list(plan, schedule, shown),
            hide_index=True,
            width="stretch",
            column_config=views.TOPIC_LIST_COLUMNS,
        )
if tab_spread.open:
    with tab_spread:
        st.vega_lite_chart(
            views.month_totals_spec(st.session_state.plan_token, st.session_state.schedule_token, plan, schedule),
            width="stretch",
            key="ov_totals",
        )

with st.expander(U.OV_EXPORT, icon=":material/download:"):
    exports.downloads(plan, schedule)
