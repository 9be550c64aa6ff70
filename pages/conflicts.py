"""冲突与预警: why there is no schedule (hard conflicts), and the soft warnings grouped by kind."""

import streamlit as st

from ui import frames, state, views
from ui import texts as U
from ui.markdown import md_text

plan = state.require_plan(page="conflicts")
st.title(U.PAGE["conflicts"][0])

sources = views.result_sources()
if not sources:
    st.info(U.CF_NO_SCHEDULE)
    st.stop()
source = st.segmented_control(
    U.CF_SOURCE,
    list(sources),
    format_func=U.CF_SOURCES.get,
    key="cf_source",
    default=views.latest_source(sources),
    required=True,
)
shown = sources[source]

st.subheader(U.CF_HARD)
if shown.hard:
    if shown.schedule.assignments:
        st.error(U.CF_VIOLATIONS.format(n=len(shown.hard)), icon=":material/block:")
    else:
        st.error(md_text(shown.schedule.explanation or ""), icon=":material/block:")
        st.markdown(U.CF_HARD_INTRO)
    hard = frames.findings_frame(shown.plan, shown.hard)
    st.dataframe(hard[frames.HARD_FINDING_COLUMNS], hide_index=True, width="stretch", key="cf_hard_table")
    views.jump_row(frames.finding_entities(hard), key="cf_hard_jump")
elif not shown.schedule.assignments:
    st.error(md_text(shown.schedule.explanation or ""), icon=":material/block:")
else:
    st.success(U.CF_NO_HARD, icon=":material/check_circle:")

if not shown.schedule.assignments:
    st.stop()  # no schedule, so nothing to warn about
st.subheader(U.CF_SOFT)
soft = frames.findings_frame(shown.plan, shown.warnings)
if soft.empty:
    st.info(U.CF_NO_SOFT)
    st.stop()
kinds = views.kind_options(soft)
c1, c2, c3 = st.columns([2, 1, 2])
picked = c1.multiselect(U.CF_FILTER_KIND, list(kinds), format_func=kinds.get, key="cf_kinds", placeholder=U.CF_ALL)
month = c2.selectbox(
    U.CF_FILTER_MONTH, [None, *range(1, 13)], format_func=views.month_or_all, key="cf_month", placeholder=U.CF_ALL
)
entities = frames.finding_entities(soft)
entity = c3.selectbox(
    U.CF_FILTER_ENTITY,
    [None, *entities],
    key="cf_entity",
    format_func=lambda k: U.CF_ALL if k is None else entities[k],
    placeholder=U.CF_ALL,
)
rows = frames.filter_findings(soft, kinds=picked, month=month, entity=entity)
for kind, label in kinds.items():
    group = rows[rows["_kind"] == kind]
    if len(group):
        with st.expander(f"{label} · {U.CF_COUNT.format(n=len(group))}", expanded=True):
            st.dataframe(group[frames.VISIBLE_FINDING_COLUMNS], hide_index=True, width="stretch")
views.jump_row(frames.finding_entities(rows), key="cf_soft_jump")
