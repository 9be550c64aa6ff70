"""Every Chinese sentence of the job workers: their command line and the messages a planner reads."""

from __future__ import annotations

WORKER_DESCRIPTION = (
    "启动编排计算进程:从任务队列领取编排任务,在数据库中记录进度和结果。"
    "可在本机或其他机器上多启动几个,指向同一个数据库(DATABASE_URL)和队列(QUEUE_URL)。"
)
WORKER_WORKERS = "本进程同时计算的任务数(每个任务一个子进程;默认 1,双核机器建议不超过 2)"
WORKER_DATABASE = "数据库地址(默认取环境变量 DATABASE_URL,否则为内置 SQLite 文件)"
WORKER_QUEUE = (
    "队列地址:redis://主机:端口/库号 或 sqlite:///文件路径(默认取环境变量 QUEUE_URL,否则为数据库旁的 SQLite 文件)"
)
WORKER_LANE = "all:领取所有任务(默认);express:只领取小计划(不超过 64 个议题)的任务,使市级小计划不必等待省级大计划算完"
WORKER_VERBOSE = "显示各组件的运行日志(英文,供排查问题;也可设环境变量 XIESHANG_VERBOSE=1)"


def worker_started(workers: int, lane: str, queue: str) -> str:
    lane_label = "只领取小计划" if lane == "express" else "领取所有任务"
    return f"编排计算进程已启动:{workers} 个子进程,{lane_label},队列 {queue}。按 Ctrl-C 停止。"


WORKER_BAD_WORKERS = "--workers 必须是 1 到 32 之间的整数"


def bad_queue_url(url: str) -> str:
    return f"无法识别的队列地址 {url}:请使用 redis://主机:端口/库号 或 sqlite:///文件路径"


def queue_unreachable(url: str, reason: str) -> str:
    return f"无法连接任务队列 {url}:{reason}"


def job_crashed(reason: str) -> str:
    return f"计算出错,任务未完成:{reason}"


def candidate_note(job_id: int) -> str:
    return f"编排任务 #{job_id} 的结果"


def bad_setting(key: str, low: float, high: float) -> str:
    return f"设置「{SETTING_LABELS.get(key, key)}」必须是 {low:g} 到 {high:g} 之间的数"


def unknown_setting(key: str) -> str:
    return f"没有名为 {key} 的设置;可用的设置:" + "、".join(f"{k}({v})" for k, v in SETTING_LABELS.items())


SETTING_LABELS = {
    "max_time_limit_s": "单次编排最长计算时间(秒)",
    "max_active_per_author": "每人同时排队或计算的任务数上限",
    "heartbeat_timeout_s": "计算进程失联判定时间(秒)",
    "session_idle_min": "登录后无操作自动退出的时间(分钟)",
}

ADMIN_DESCRIPTION = "编排任务的管理:查看和修改管理员设置,查看最近的任务"
ADMIN_SETTINGS = "显示当前生效的设置(未设置的取默认值)"
ADMIN_SET = "修改一项设置,例如:set max_time_limit_s 60"
ADMIN_KEY = "设置名:" + "、".join(SETTING_LABELS)
ADMIN_VALUE = "新的值(数字)"
ADMIN_BY = "修改人(记录在数据库中)"
ADMIN_LIST = "列出最近的编排任务(所有计划)"


def admin_job_line(job_id: int, plan_id: int, kind: str, status: str, author: str, topics: int, worker: str) -> str:
    return f"#{job_id}  计划 {plan_id}  {kind}  {status}  提交人 {author or '未署名'}  {topics} 个议题  {worker}"


# placeholders of the command lines' arguments (python -m jobs.worker / jobs.admin)
METAVAR = {"count": "个数", "address": "地址", "command": "命令", "key": "设置项", "value": "值", "name": "姓名"}
