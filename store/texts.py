"""Every Chinese sentence the data layer and its admin command show, in one place.

The wording is for two readers: the planner in the app (stale edits, duplicate
plans, scenarios) and the office's IT colleague at the command line (database
versions, files, exit codes). Keep it plain; name the plan, the row and the
field so the reader knows what to fix.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

# China has one time zone and no daylight saving: show every stored (UTC)
# time as Beijing time, whatever the server's own zone is.
BEIJING = timezone(timedelta(hours=8), "北京时间")


def when(dt: datetime | None) -> str:
    if dt is None:
        return "未知时间"
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M")


def plan_label(body: str, year: int) -> str:
    return f"{body or '(未命名政协)'} {year} 年度协商计划"


# -- errors a planner can meet ------------------------------------------------


def stale_edit(*, label: str, who: str, at: datetime | None, current: int, expected: int) -> str:
    return (
        f"{label}已被{who or '他人'}于 {when(at)} 修改(计划现为第 {current} 次保存,您编辑的是第 {expected} 次保存),"
        "您的修改未保存。请载入最新版本后重新修改"
    )


def stale_schedule(*, label: str, current: int, expected: int) -> str:
    return f"该方案依据{label}的第 {expected} 次保存编排,但计划已保存到第 {current} 次,方案未保存,请按最新计划重新编排"


def plan_not_found(plan_id: int) -> str:
    return f"找不到编号为 {plan_id} 的计划(可能已被删除),请刷新计划列表"


def scenario_not_found(scenario_id: int) -> str:
    return f"找不到编号为 {scenario_id} 的方案版本(可能已被删除)"


def duplicate_plan(body: str, year: int, existing_id: int) -> str:
    return f"{plan_label(body, year)}已存在(编号 {existing_id}),同一政协同一年度只能有一份计划"


def duplicate_scenario(name: str) -> str:
    return f"方案名称“{name}”已被本计划的另一个版本使用,请换一个名称"


def empty_scenario_name() -> str:
    return "方案名称不能为空"


def scenario_of_other_plan(scenario_id: int, plan_id: int) -> str:
    return f"方案版本 {scenario_id} 不属于计划 {plan_id},不能比较"


def unsavable_text(where: str) -> str:
    return f"{where} 含有空字符(\\u0000),数据库无法保存,请删除后重试"


def integrity(detail: str) -> str:
    return f"数据库拒绝了这次保存(数据完整性约束),未做任何修改:{detail}"


def backup_block(detail: str) -> str:
    return f"备份文件中的方案部分(xieshang_backup)格式不正确:{detail}"


# -- reading a plan file (every message a PlanIssue of the section "plan") ----------

FILE_NOT_FOUND = "找不到计划文件 {path}"
FILE_NOT_UTF8 = "计划文件不是 UTF-8 编码的文本"
FILE_NOT_JSON = "计划文件不是有效的 JSON:第 {line} 行第 {col} 列附近 {msg}"
FILE_NOT_OBJECT = "计划文件的顶层应为 JSON 对象 {…}"

# the backup block (xieshang_backup) of an exported file; each goes through backup_block()
BACKUP_NOT_OBJECT = "应为 JSON 对象"
BACKUP_BAD_VERSION = "plan_version 应为正整数"
BACKUP_BAD_TIME = "{where} 的 created_at 应为 ISO 日期时间"
BACKUP_BAD_CURRENT = "current_schedule 应为含 schedule 的对象"
BACKUP_CURRENT = "当前方案"
BACKUP_SCENARIOS_NOT_LIST = "scenarios 应为列表"
BACKUP_NTH_SCENARIO = "第 {n} 个方案版本"
BACKUP_BAD_SCENARIO = "{where} 应为含 name 和 schedule 的对象"
BACKUP_DUPLICATE_NAME = "{where} 的名称“{name}”重复"
BACKUP_NAMED = "{where}“{name}”"
BACKUP_ISSUE = "{where}:{message}"

SAMPLE_AUTHOR = "示例数据"  # recorded as the author of the sample plans loaded into a new database
PUBLISHED_SCENARIO = "已发布方案"
PUBLISHED_NOTE = "随示例计划导入的已发布安排"

# -- the admin command ----------------------------------------------------------

CLI_DESCRIPTION = """\
协商计划编排 —— 数据库管理命令(供信息科同事使用)

数据库由环境变量 DATABASE_URL 指定,例如
  DATABASE_URL=postgresql+psycopg://用户名:密码@服务器:5432/库名
  DATABASE_URL=sqlite:////srv/xieshang/xieshang.sqlite3
未设置时使用本程序目录下的 SQLite 文件 {default}。

退出码:0 成功;1 操作失败(文件有误、计划不存在、数据库未就绪等,原因会用中文说明);
2 命令用法有误。"""

CLI_EPILOG = """\
常用步骤:
  python -m store upgrade                     新建数据库或升级到最新结构(不会丢失数据)
  python -m store import data/weihai-2023.json
                                              导入一份 consult-plan/1 计划文件
  python -m store plans                       列出所有计划(含编号、年度、版本)
  python -m store export 1 -o 备份.json --with-schedules
                                              把计划 1 连同其方案版本导出备份
  python -m store scenarios 1                 列出计划 1 保存的方案版本
  python -m store accounts create lisi --role planner --name 李四
                                              新建编排人员账号(随机密码只显示这一次)
  python -m store accounts list               列出全部账号"""

CLI_HELP = {
    "upgrade": "新建数据库,或把旧数据库升级到最新结构(先备份更稳妥;升级不会删除数据)",
    "upgrade.samples": "新建时同时导入 data/ 目录下的示例计划",
    "current": "显示所连接的数据库及其结构版本",
    "import": "导入 consult-plan/1 计划文件(也可导入本命令导出的备份文件)",
    "import.files": "计划 JSON 文件,可给多个",
    "import.author": "记录为导入人(可选)",
    "export": "把一份计划导出为 consult-plan/1 JSON 文件",
    "export.plan_id": "计划编号(见 plans 命令)",
    "export.output": "输出文件;省略或写 - 则输出到屏幕",
    "export.with_schedules": "同时导出当前方案和全部方案版本(用于备份)",
    "plans": "列出数据库中的全部计划",
    "scenarios": "列出一份计划保存的方案版本",
    "scenarios.plan_id": "计划编号(见 plans 命令)",
    "accounts": "管理账号:列出、新建、重置密码、停用、启用(以「命令行」的名义,记入操作记录)",
    "accounts.action": "list 列出 / create 新建 / reset 重置密码 / disable 停用 / enable 启用",
    "accounts.login": "登录名(list 不需要)",
    "accounts.role": "新账号的角色:admin 管理员 / planner 编排人员 / leader 领导 / liaison 部门联络员(默认 planner)",
    "accounts.name": "新账号的姓名(默认同登录名)",
    "accounts.department": "部门联络员所属部门(与计划中的部门名称一致)",
    "accounts.email": "单点登录时对应的邮箱(可选)",
    "accounts.by": "记录为操作人(默认「命令行」)",
}

CLI_METAVAR = {
    "command": "命令",
    "files": "计划文件.json",
    "plan_id": "计划编号",
    "output": "文件",
    "author": "姓名",
    "login": "登录名",
    "department": "部门",
    "email": "邮箱",
}
CLI_ACCOUNTS_EPILOG = """\
例:
  python -m store accounts create admin2 --role admin --name 王五
  python -m store accounts create swj --role liaison --department 市商务局
  python -m store accounts reset swj
  python -m store accounts disable swj
新建和重置时生成的随机密码只在屏幕上显示这一次,请转交本人。"""
CLI_NO_ACCOUNTS = "还没有账号(首次打开网页时会要求创建管理员,或用 accounts create --role admin)"
CLI_ACCOUNTS_HEADER = ("登录名", "姓名", "角色", "所属部门", "邮箱", "状态", "最近登录")
CLI_ACTIVE = "启用"
CLI_DISABLED = "已停用"
CLI_LOGIN_NEEDED = "请给出登录名"
CLI_ACCOUNT_CREATED = "已创建账号 {login},密码(只显示这一次):{password}"
CLI_PASSWORD_RESET = "已重置账号 {login} 的密码,新密码(只显示这一次):{password}"
CLI_ACCOUNT_ENABLED = "已启用账号 {login}"
CLI_ACCOUNT_DISABLED = "已停用账号 {login}"
CLI_NONE = "无"
CLI_DB = "数据库:{url}"
CLI_REVISION = "结构版本:{rev}(最新为 {head})"
CLI_NO_REVISION = "结构版本:尚未建立(请运行 python -m store upgrade)"
CLI_CREATED = "已新建数据库结构,版本 {head}"
CLI_UPGRADED = "已将数据库结构从版本 {before} 升级到 {head},原有数据均已保留"
CLI_UP_TO_DATE = "数据库结构已是最新版本 {head},无需升级"
CLI_SAMPLES = "已导入示例计划 {n} 份"
CLI_NOT_READY = "数据库尚未建立或版本过旧(当前 {rev},需要 {head}),请先运行:python -m store upgrade"
LIST_SEP = "、"
UNKNOWN_REVISION = "没有名为 {rev} 的数据库结构版本(本程序认识:{known})"
CLI_TOO_NEW = "数据库结构版本 {rev} 比本程序认识的版本新,请升级本程序后再操作"
CLI_CONNECT_FAILED = "无法连接数据库 {url}:{error}"
CLI_FILE_MISSING = "找不到文件 {path}"
CLI_FILE_FAILED = "文件 {path} 未导入,共发现 {n} 处问题:"
CLI_IMPORTED = "已导入 {path} → 计划编号 {plan_id}:{label},{topics} 个议题,{scenarios} 个方案版本"
CLI_EXPORTED = "已导出计划 {plan_id}({label})到 {path}"
CLI_NO_PLANS = "数据库中还没有计划。可用 python -m store import 计划.json 导入"
CLI_NO_SCENARIOS = "{label}还没有保存的方案版本"
CLI_PLANS_HEADER = ("编号", "政协", "年度", "议题数", "版本", "方案版本数", "最后修改")
CLI_SCENARIOS_HEADER = ("编号", "名称", "保存人", "保存时间", "状态", "议题数", "保存序号", "说明")
CLI_CURRENT_MARK = "当前方案:{status},{n} 个议题已安排"
CLI_NO_CURRENT = "当前方案:无"
CLI_ERROR = "错误:{message}"

# the database driver's English (SQLite's above all), said as what the IT colleague should do (store/cli.py)
DB_REASON = {
    "readonly": "数据库文件是只读的(请检查文件和所在文件夹的写入权限)",
    "locked": "数据库正被其他程序占用(已锁定),请稍后再试",
    "cannot_open": "无法打开数据库文件(文件夹不存在或没有权限)",
    "disk_full": "磁盘已满",
    "not_sqlite": "该文件不是 SQLite 数据库",
    "io_error": "读写磁盘出错",
    "refused": "服务器拒绝连接(地址、端口或服务未启动)",
    "bad_password": "用户名或密码不正确",
    "no_database": "数据库不存在",
    "no_role": "数据库用户不存在",
    "no_host": "找不到数据库服务器(主机名有误或网络不通)",
    "timeout": "连接数据库超时(服务器未响应)",
    "lost": "与数据库的连接中断了,请稍后再试",
    "denied": "数据库拒绝了访问(没有权限)",
    "schema": "数据库结构与本程序不符(请运行 python -m store upgrade)",
    "unique": "与已有的记录重复",
    "foreign_key": "引用的记录不存在",
    "not_null": "缺少必填的数据",
    "check": "数据不符合数据库的约束",
    "unknown_driver": "不支持这种数据库(请用 sqlite:/// 或 postgresql+psycopg://)",
    "other": "数据库返回了错误(原文已记入日志)",
}
INTERNAL_REASON = "程序内部错误({kind},详情已记入日志)"
CLI_DB_FAILED = "数据库 {url} 操作失败:{reason}"
CLI_HINT = "提示:{warning}"

# -- solve jobs (store/jobs.py) ----------------------------------------------------


def queue_limit(author: str, active: int, limit: int) -> str:
    who = f"「{author}」" if author else "未署名的用户"
    return (
        f"{who}已有 {active} 个编排任务在排队或计算中(管理员设定每人最多 {limit} 个),"
        "本次未提交;请等已有任务完成或取消后再试"
    )


def job_not_found(job_id: int) -> str:
    return f"编排任务 #{job_id} 不存在(可能已随计划一并删除)"


def job_no_candidate(job_id: int) -> str:
    return f"编排任务 #{job_id} 没有得到可行方案,无法采用"


def job_worker_lost(attempts: int) -> str:
    return f"计算进程意外中断(已尝试 {attempts} 次),任务未完成;请稍后重新编排,如反复出现请联系管理员检查计算进程"


JOB_CANCELLED = "任务已取消"
JOB_RETRIED = "计算进程意外中断,任务已重新排队"
BAD_DATABASE_URL = (
    "数据库地址 DATABASE_URL 无法识别:「{url}」;应形如 sqlite:///文件路径 或 "
    "postgresql+psycopg://用户@主机:5432/数据库名"
)


# --- accounts (store.accounts) ---
ACCOUNTS_EXIST = "已经有账号了,首个管理员只能在还没有任何账号时创建;请用管理员账号登录"


def account_not_found(which: str) -> str:
    return f"账号 {which} 不存在"


def login_taken(login: str) -> str:
    return f"登录名「{login}」已被使用,请换一个"


def email_taken(email: str) -> str:
    return f"邮箱 {email} 已对应另一个账号"


# --- approval (issue 12) ---
APPROVAL_STATE_LABELS = {
    "draft": "草案",
    "consultation": "征求意见",
    "chair_review": "主席会议审议",
    "committee_review": "党委常委会审定",
    "approved": "已审定,待印发",
    "issued": "印发执行",
    "adjusting": "年中调整(编制中)",
    "adjustment_review": "年中调整(待审批)",
}


def plan_locked(label: str, state: str) -> str:
    state_label = APPROVAL_STATE_LABELS.get(state, state)
    if state == "issued":
        return f"{label}已印发执行,不能直接修改计划或更换当前方案;请先在「审批与版本」页发起年中调整(需填写调整原因)"
    return f"{label}正处于「{state_label}」阶段,计划和当前方案已冻结,不能修改;如需修改,请由领导退回后再改"


def approval_state_changed(label: str, expected: str, current: str) -> str:
    exp = APPROVAL_STATE_LABELS.get(expected, expected)
    cur = APPROVAL_STATE_LABELS.get(current, current)
    return f"{label}的审批状态已变为「{cur}」(您看到的是「{exp}」),未做任何修改,请刷新后重试"


def approval_version_not_found(version_id: int) -> str:
    return f"找不到编号为 {version_id} 的审批版本(可能计划已被删除),请刷新"


def unstorable_text(where: str) -> str:
    return f"{where}含有无法保存的字符(如 NUL),未做任何修改"


APPROVAL_NOTE = "审批说明"
APPROVAL_REASON = "调整原因"
APPROVAL_COMMENT = "意见"
