"""Download buttons (plan document, calendar, workbook, JSON) and uploads (Excel, published text).

The conversions are :mod:`paperwork`'s; this module only lays out the buttons
and shows its Chinese messages.
"""

from __future__ import annotations

import streamlit as st

from solver.plan import Plan, Schedule

from . import texts as U


def _file_stem(plan: Plan) -> str:
    return f"{plan.body or '协商计划'}{plan.year}年度协商计划"


def downloads(plan: Plan, schedule: Schedule | None) -> None:
    c1, c2 = st.columns(2)
    c1.download_button(U.EX_JSON, plan.to_json().encode("utf-8"), file_name=f"{_file_stem(plan)}.json",
                       mime="application/json", key="dl_json", icon=":material/data_object:", on_click="ignore")
    if schedule is not None and schedule.assignments:
        c2.download_button("方案数据(JSON)", schedule.to_json().encode("utf-8"),
                           file_name=f"{_file_stem(plan)}-方案.json", mime="application/json", key="dl_sched_json",
                           icon=":material/data_object:", on_click="ignore")


def imports(plan: Plan) -> None:
    st.caption(U.IM_XLSX_HELP)
