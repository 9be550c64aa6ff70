"""Every Chinese word a user reads from the solver, in one place to review.

The pages import their labels from here too, so the whole vocabulary of the
product can be read (and translated) as one file.
"""

from __future__ import annotations

from collections.abc import Iterable

# -- names of the lists and fields of a plan ---------------------------------
SECTION = {
    "calendar": "日历",
    "forms": "协商形式",
    "committees": "专委会",
    "departments": "部门",
    "leaders": "领导",
    "topics": "议题",
    "plan": "计划",
}

FIELD = {
    "format": "格式标识",
    "body": "政协名称",
    "year": "年度",
    "id": "编号",
    "name": "名称",
    "title": "议题名称",
    "role": "职务",
    "months": "可用月份",
    "blackout_months": "不安排月份",
    "session_month": "全会月份",
    "max_topics_per_month": "每月议题上限",
    "session_only": "仅限全会期间",
    "max_per_month": "每月上限",
    "min_gap_months": "最小间隔月数",
    "unavailable_months": "不在岗月份",
    "form": "协商形式",
    "lead_options": "承办专委会(候选)",
    "co_organizers": "协办专委会",
    "departments": "协商部门",
    "leaders": "出席领导",
    "window": "时间窗口",
    "preferred_months": "建议月份",
    "fixed_month": "固定月份",
    "after": "前序议题",
    "notes": "备注",
    "topic": "议题",
    "month": "月份",
    "lead": "承办专委会",
    "assignments": "安排",
    "plan_year": "计划年度",
    "status": "状态",
}

STATUS = {
    "optimal": "最优方案",
    "feasible": "可行方案(未证明最优)",
    "infeasible": "无可行方案",
    "unknown": "未找到方案",
}

# Soft goals: the label a planner sees next to its weight slider and in reports.
GOAL = {
    "department_overload": "部门超负荷",
    "leader_overload": "领导超负荷",
    "preferred_month_missed": "未安排在建议月份",
    "uneven_spread": "全年分布不均",
    "moved": "较原方案调整",
}

GOAL_HELP = {
    "department_overload": "某部门一个月内需参加的协商超过其每月上限,每超 1 项计一次",
    "leader_overload": "某领导一个月内需出席的协商超过其每月上限,每超 1 项计一次",
    "preferred_month_missed": "议题未能安排在提出方建议的月份,每个议题计一次",
    "uneven_spread": "最忙月份的议题数超过全年平均水平,每超 1 项计一次",
    "moved": "再次编排时,议题的月份或承办专委会与原方案不同,每个议题计一次",
}


def month(m: int | None) -> str:
    return "未定" if m is None else f"{m}月"


def months(ms: Iterable[int]) -> str:
    ms = sorted(set(ms))
    if not ms:
        return "无"
    # Runs of consecutive months read better as ranges: 4–6月、9月
    runs: list[list[int]] = []
    for m in ms:
        if runs and m == runs[-1][-1] + 1:
            runs[-1].append(m)
        else:
            runs.append([m])
    parts = [f"{r[0]}–{r[-1]}" if len(r) > 2 else "、".join(str(x) for x in r) for r in runs]
    return "、".join(parts) + "月"


def quote_list(names: Iterable[str]) -> str:
    return "、".join(names)
