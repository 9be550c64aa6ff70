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


# -- sentences about requirements (conflict explanations) and findings ----------
# Each template is filled with str.format(**fields). One place for all of them,
# so a reviewer can read every sentence the solver and checker can say.
MSG = {
    # requirements, as a conflict explanation names them
    "window": "{topic} 的时间窗口为 {window}",
    "blackout": "{month} 为不安排协商的月份",
    "fixed_month": "{topic} 固定在 {month}",
    "session_only": "{topic}({form})只能安排在全会月份 {month}",
    "leader_unavailable": "{leader} {month} 不在岗",
    "month_limit": "每月最多安排 {limit} 项协商",
    "form_limit": "{form} 每月最多 {limit} 项",
    "committee_limit": "{committee} 每月最多承办 {limit} 项",
    "form_gap": "{form} 之间至少间隔 {gap} 个月",
    "after": "{topic} 须安排在 {before} 之后",
    # conflict summary
    "conflict_intro": "以下要求无法同时满足:",
    "conflict_pair": "{a},但 {b}",
    "same_topic": "该议题",
    "unknown_timeout": "在 {limit} 秒内未找到可行方案,请延长求解时间后重试",
    # capacity pre-check (by counting, before any search)
    "cap_form_gap": "{n} 个{form} 需间隔 {gap} 个月,但可用月份({months})只容得下 {cap} 个",
    "cap_form_limit": "{n} 个{form} 每月最多 {limit} 项,但可用月份({months})只容得下 {cap} 个",
    "cap_month_limit": "共 {n} 项协商,每月最多 {limit} 项,但可用月份({months})只容得下 {cap} 项",
    "cap_committee_limit": "{committee} 必须承办 {n} 项,每月最多 {limit} 项,但可用月份({months})只容得下 {cap} 项",
    "cap_after_cycle": "前序关系形成循环:{cycle}",
    # hard violations found by the checker
    "v_unassigned": "{topic} 没有安排月份",
    "v_duplicate": "{topic} 被安排了 {n} 次",
    "v_unknown_topic": "安排中的议题 {topic} 不在计划中",
    "v_not_in_calendar": "{topic} 安排在 {month},不在日历可用月份中",
    "v_window": "{topic} 安排在 {month},超出时间窗口 {window}",
    "v_blackout": "{topic} 安排在不安排协商的 {month}",
    "v_fixed": "{topic} 固定在 {fixed},却安排在 {month}",
    "v_session": "{topic}({form})应在全会月份 {session},却安排在 {month}",
    "v_leader": "{topic} 安排在 {month},但 {leader} {month} 不在岗",
    "v_lead": "{topic} 由 {committee} 承办,不在候选承办专委会中",
    "v_committee_limit": "{committee} {month} 承办 {load} 项(上限 {limit})",
    "v_form_limit": "{form} {month} 有 {load} 项(上限 {limit})",
    "v_month_limit": "{month} 安排了 {load} 项协商(上限 {limit})",
    "v_form_gap": "{form} {a} 与 {b} 只相隔 {diff} 个月(至少 {gap} 个月)",
    "v_after": "{topic} 安排在 {month},未晚于前序议题 {before}({before_month})",
    # soft warnings
    "department_overload": "{department} {month} 需参加 {load} 项协商(上限 {limit})",
    "leader_overload": "{leader} {month} 需出席 {load} 项协商(上限 {limit})",
    "preferred_month_missed": "{topic} 安排在 {month},未在建议月份 {preferred}",
    "uneven_spread": "{month} 安排了 {load} 项协商,高于全年均衡水平 {limit} 项",
    "moved": "{topic} 由 {before} 调整为 {after}",
}


def topic_label(tid: str, title: str | None = None, *, width: int = 14) -> str:
    """How a topic is named in a sentence: its id and the start of its title."""
    if not title:
        return tid
    short = title if len(title) <= width else title[: width - 1] + "…"
    return f"{tid}「{short}」"


def say(key: str, **fields: object) -> str:
    # a topic label ends in 」; no space is needed after a closing quote mark
    return MSG[key].format(**fields).replace("」 ", "」")
