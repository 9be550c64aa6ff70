"""Every Chinese sentence the services add to those of the store, the solver and the paperwork."""

from __future__ import annotations


def database_error(reason: str) -> str:
    return f"数据库操作失败,未做任何修改:{reason}"


def database_unreachable(url: str, reason: str) -> str:
    return f"无法打开数据库 {url}:{reason}"


NO_SCHEDULE_TO_SAVE = "当前还没有方案,请先编排再保存为方案版本"
NO_RESULT_TO_ADOPT = "推演还没有得到可行方案,无法采用"


def queue_down(job_id: int, reason: str) -> str:
    return f"编排任务 #{job_id} 已记录,但任务队列暂时无法连接({reason});队列恢复后会自动开始计算"


def adopted_note(job_id: int, asked_by: str) -> str:
    return f"采用编排任务 #{job_id}(提交人:{asked_by or '未署名'})的结果"
