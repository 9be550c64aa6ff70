"""推演: edit a copy (pin, move, leader away, limit), re-plan with few moves, see what changed."""

import streamlit as st

from services import ServiceError
from solver import texts as ST
from ui import frames, state, views
from ui import texts as U
from ui import whatif_ui as W
from ui.markdown import md_list, md_text

plan = state.require_plan(page="whatif")
st.title(U.PAGE["whatif"][0])
views.frozen_banner()  # a what-if may be explored, but not adopted, while the plan is frozen
st.caption(U.WI_INTRO)
views.show_flash()
base = state.whatif_base()
if base is None or not base.assignments:
    st.info(U.WI_NEEDS_SCHEDULE)
    st.page_link("pages/solve.py", label=U.PAGE["solve"][0], icon=U.PAGE["solve"][1])
    st.stop()
wplan = state.whatif_plan()
latest, latest_token = state.whatif_latest()
topic_ids = [t.id for t in wplan.topics]
months = list(range(1, 13))

edits, log = st.columns([3, 2], gap="large")
with edits:
    t_pin, t_away, t_limit = st.tabs([U.WI_TAB_PIN, U.WI_TAB_AWAY, U.WI_TAB_LIMIT])
    with t_pin:
        c1, c2 = st.columns([3, 1])
        pin_topic = c1.selectbox(
            U.WI_TOPIC, topic_ids, format_func=W.topic_label(wplan), key="wi_pin_topic", index=W.first_free_topic(wplan)
        )
        c2.selectbox(U.WI_MONTH, months, format_func=ST.month, key="wi_pin_month")
        st.caption(md_text(W.topic_now(wplan, latest, pin_topic)))
        b1, b2, _ = st.columns([1.35, 1, 1.65])  # the icon buttons' labels fit at 1280 px
        b1.button(U.WI_PIN, on_click=W.on_pin, key="wi_pin", icon=":material/push_pin:", width="stretch")
        b2.button(U.WI_UNPIN, on_click=W.on_unpin, key="wi_unpin", width="stretch")
    with t_away:
        leaders = {x.id: x.name for x in wplan.leaders}
        c1, c2 = st.columns([3, 1])
        c1.selectbox(U.WI_LEADER, list(leaders), format_func=leaders.get, key="wi_leader")
        c2.selectbox(U.WI_MONTH, months, format_func=ST.month, key="wi_leader_month")
        away_months = wplan.leader_by_id()[st.session_state.wi_leader].unavailable_months
        st.caption(f"{ST.FIELD['unavailable_months']}:{ST.months(away_months)}")
        b1, b2, _ = st.columns([1.35, 1, 1.65])  # the icon buttons' labels fit at 1280 px
        b1.button(
            U.WI_AWAY, on_click=W.on_away, args=(True,), key="wi_away", width="stretch", icon=":material/event_busy:"
        )
        b2.button(U.WI_BACK, on_click=W.on_away, args=(False,), key="wi_back", width="stretch")
    with t_limit:
        c1, c2, c3 = st.columns([1, 2, 1], vertical_alignment="bottom")
        kind = c1.selectbox(U.WI_LIMIT_KIND, W.LIMIT_KINDS, format_func=U.WI_LIMIT_KINDS.get, key="wi_limit_kind")
        entities = W.entity_options(wplan, kind)
        entity = c2.selectbox(
            U.WI_LIMIT_ENTITY, list(entities), format_func=entities.get, key="wi_limit_entity", disabled=not entities
        )
        value_key = f"wi_limit_value_{kind}_{entity}"
        value = c3.number_input(
            U.WI_LIMIT_VALUE,
            min_value=0,
            step=1,
            key=value_key,
            placeholder=U.WI_LIMIT_NONE,
            value=W.current_limit(wplan, kind, entity),
        )
        st.button(
            U.WI_LIMIT_SET,
            on_click=W.on_limit,
            args=(value_key,),
            key="wi_limit_set",
            disabled=value is None and W.limit_required(kind),
            icon=":material/tune:",
        )
with log:
    st.markdown(f"**{U.WI_LOG}**")
    if st.session_state.wi_log:
        st.markdown(md_list(st.session_state.wi_log))
    else:
        st.caption(U.WI_LOG_EMPTY)
    go = st.button(
        U.WI_REPLAN,
        type="primary",
        key="wi_replan",
        help=U.WI_REPLAN_HELP,
        width="stretch",
        icon=":material/autorenew:",
    )
    st.button(U.WI_RESET, key="wi_reset", on_click=W.on_reset, disabled=not st.session_state.wi_log, width="stretch")

resume = state.whatif_pending() is not None  # this page was left while its re-plan ran: show it now
if go or resume or st.session_state.pop("wi_replan_now", False):
    limit = state.options().time_limit_s
    with st.status(U.SOLVE_RUNNING.format(n=len(wplan.topics), t=limit)) as box:
        bar = st.progress(0.0)
        tick = views.progress_ticker(bar, limit)
        result = state.whatif_resume(tick) if resume and not go else state.whatif_replan(state.options(), tick)
        box.update(
            label=U.SOLVE_DONE.format(status=ST.STATUS[result.status], s=result.solve_seconds or 0),
            state="complete" if result.assignments else "error",
        )
    st.rerun()  # every label on the page (months of topics, suggestions) now follows the new result

after = st.session_state.wi_after
if after is not None:
    st.divider()
    st.subheader(U.WI_RESULT)
if after is not None and not after.assignments:
    st.error(U.WI_INFEASIBLE.format(explanation=md_text(after.explanation or ST.STATUS[after.status])))
    st.page_link("pages/conflicts.py", label=U.SOLVE_SEE_CONFLICTS, icon=":material/report:")
elif after is not None:
    diff = state.diff(
        st.session_state.wi_plan_token,
        st.session_state.wi_base_token,
        st.session_state.wi_after_token,
        wplan,
        base,
        after,
    )
    m1, m2, m3, m4 = st.columns(4)
    m1.metric(U.WI_MOVED, len(diff.moved), border=True)
    m2.metric(U.OV_KPI_STATUS, U.STATUS_SHORT[after.status], border=True, help=ST.STATUS[after.status])
    m3.metric(U.SOLVE_OBJECTIVE, after.objective, border=True, help=U.SOLVE_OBJECTIVE_HELP)
    m4.metric(U.OV_KPI_WARNINGS, len(after.warnings), border=True)

    moved_col, you_col = st.columns([3, 2], gap="large")
    with moved_col:
        st.markdown(f"**{U.WI_MOVED}**")
        if diff.moved:
            st.dataframe(frames.moved_frame(diff), hide_index=True, width="stretch", key="wi_moved_table")
        else:
            st.info(U.WI_MOVED_NONE)
    with you_col:
        st.markdown(f"**{U.WI_FOR_YOU}**")
        options = frames.for_you_options(diff)
        if options:
            who = st.selectbox(U.WI_FOR_YOU_PICK, options, format_func=frames.for_you_label(diff).get, key="wi_for_you")
            st.markdown(md_list(frames.for_you_changes(diff, who)))
        else:
            st.info(U.WI_FOR_YOU_NONE)

    st.markdown(f"**{U.WI_LOADS}**")
    before_rows = state.loads_rows(st.session_state.wi_plan_token, st.session_state.wi_base_token, wplan, base)
    after_rows = state.loads_rows(st.session_state.wi_plan_token, st.session_state.wi_after_token, wplan, after)
    c1, c2 = st.columns([1, 2])
    load_kind = c1.segmented_control(
        U.WI_LOADS_PICK,
        list(U.LD_TABS),
        format_func=lambda k: U.ENTITY_KIND[k],
        key="wi_load_kind",
        default="department",
        required=True,
    )
    entities = views.affected_first(wplan, diff, load_kind)
    load_entity = c2.selectbox(U.WI_LOADS_PICK, list(entities), format_func=entities.get, key="wi_load_entity")
    g1, g2 = st.columns(2)
    tokens = (st.session_state.wi_plan_token, st.session_state.wi_base_token, st.session_state.wi_after_token)
    g1.vega_lite_chart(
        views.before_after_spec(*tokens, load_kind, load_entity, before_rows, after_rows),
        width="stretch",
        key="wi_chart_entity",
    )
    g2.vega_lite_chart(
        views.monthly_before_after_spec(*tokens, wplan, base, after), width="stretch", key="wi_chart_months"
    )

    a1, a2, _ = st.columns([1, 1, 3])
    if a1.button(U.WI_ADOPT, type="primary", key="wi_adopt", help=U.WI_ADOPT_HELP, icon=":material/check:"):
        try:
            version = state.whatif_adopt()
        except ServiceError as err:
            st.error(md_text(err))
        else:
            views.flash(U.WI_ADOPTED.format(version=version))
            st.rerun()
    a2.button(U.WI_DISCARD, key="wi_discard", on_click=W.on_discard_result)

st.divider()
st.subheader(U.WI_SUGGEST)
st.caption(U.WI_SUGGEST_INTRO)
c1, c2, c3 = st.columns([3, 1, 1.3], vertical_alignment="bottom")
sugg_topic = c1.selectbox(
    U.WI_TOPIC, topic_ids, format_func=W.topic_label(wplan), key="wi_sugg_topic", index=W.first_free_topic(wplan)
)
rows = state.suggestions(
    st.session_state.wi_plan_token, latest_token, sugg_topic, state.options().weights.model_dump_json(), wplan, latest
)
c2.selectbox(U.WI_SUGGEST_MONTH, [r.month for r in rows], format_func=ST.month, key="wi_sugg_month")
st.caption(md_text(W.topic_now(wplan, latest, sugg_topic)))
c3.button(U.WI_SUGGEST_MOVE, on_click=W.on_move_here, key="wi_sugg_move", icon=":material/move_down:", width="stretch")
st.dataframe(
    frames.suggestions_frame(wplan, sugg_topic, rows),
    hide_index=True,
    width="stretch",
    key="wi_sugg_table",
    column_config=views.SUGGESTION_COLUMNS,
)
