"""Every Chinese sentence the services add to those of the store, the solver and the paperwork."""

from __future__ import annotations


def database_error(err: Exception) -> str:
    # the first line only: drivers append SQL and a link to their docs
    detail = str(getattr(err, "orig", None) or err).strip().splitlines()[0]
    return f"数据库操作失败,未做任何修改:{detail}"


def database_unreachable(url: str, err: Exception) -> str:
    detail = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
    return f"无法打开数据库 {url}:{detail}"


NO_SCHEDULE_TO_SAVE = "当前还没有方案,请先编排再保存为方案版本"
NO_RESULT_TO_ADOPT = "推演还没有得到可行方案,无法采用"


def queue_down(job_id: int, err: Exception) -> str:
    detail = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
    return f"编排任务 #{job_id} 已记录,但任务队列暂时无法连接({detail});队列恢复后会自动开始计算"


def adopted_note(job_id: int, asked_by: str) -> str:
    return f"采用编排任务 #{job_id}(提交人:{asked_by or '未署名'})的结果"


# --- who may do what (services.access) ---
COMMAND_LINE_ACTOR = "命令行"
NOT_SIGNED_IN = "请先登录"
ROLE_NAMES = {
    "admin": "管理员",
    "planner": "编排人员",
    "leader": "领导",
    "liaison": "部门联络员",
}
PERMISSION_NAMES = {
    "view_plan": "查看计划",
    "view_all": "查看整个计划",
    "edit_plan": "修改计划",
    "solve": "编排求解",
    "adopt": "采用方案",
    "advance": "推进审批流程",
    "approve": "审批",
    "comment": "提出意见",
    "manage_accounts": "管理账号",
    "manage_settings": "修改系统设置",
    "view_audit": "查看操作记录",
    "view_notices": "查看变更通知",
}


def denied(role: str, action: str) -> str:
    return f"{role}无权{action},未做任何修改"


# --- printing (services.printing) ---
CHROMIUM_MISSING = (
    "服务器上没有安装 Chromium 浏览器,无法生成 PDF 和图片;请管理员安装"
    "(Debian/Ubuntu:apt-get install chromium fonts-noto-cjk)。也可以在浏览器中按 Ctrl+P 直接打印本页"
)
PDFTOPPM_MISSING = "服务器上没有安装 pdftoppm,无法生成图片;请管理员安装(Debian/Ubuntu:apt-get install poppler-utils)"
PRINT_TIMEOUT = "生成{what}超时(超过 {s} 秒),请稍后再试"
PRINT_FAILED = "生成{what}失败:{detail}"
PRINT_WHAT = {"pdf": "PDF", "png": "图片"}
