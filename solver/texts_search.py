"""The search's sentences for the planner (to be merged into :mod:`solver.texts`).

Kept apart while the rule texts are being reorganised; the same ``say`` shape.
"""

from __future__ import annotations

# A retry is never suggested below this many seconds of search: a shorter one
# would mostly measure start-up noise.
RETRY_MIN_S = 1.0
# The conflict explanation gets at least this long, even when proving that no
# schedule exists used up the planner's limit.
EXPLAIN_MIN_S = 1.0

MSG = {
    "unknown_too_short": (
        "{limit} 秒不够为 {n} 个议题建立模型并检查结果(本机约需 {setup} 秒),未开始搜索;"
        "请把最长求解时间设为至少 {retry} 秒后重试"
    ),
    "bad_workers": "--workers 至少为 1(现为 {value})",
    "bad_time_limit": "--time-limit 必须大于 0 秒(现为 {value})",
    "unknown_retry": (
        "在 {limit} 秒内未找到满足全部硬性规则的方案(建模和初始方案用了 {setup} 秒,搜索用了 {searched} 秒);"
        "按本次测得的用时,请把最长求解时间设为至少 {retry} 秒后重试"
    ),
}

STOPPED_BY = {
    "optimal": "已证明最优",
    "no_improvement": "再搜索也找不到更好的方案",
    "work_limit": "计算量用完,同一计划、同样设置的结果可复现",
    "time_limit": "时间用完,机器繁忙时结果可能不同",
    "infeasible": "已证明无可行方案",
}


def say(key: str, **fields: object) -> str:
    return MSG[key].format(**fields)
