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


# --- the audit trail (services.audit) ---
AUDIT_ACTIONS = {
    "plan.create": "新建计划",
    "plan.edit": "修改计划",
    "plan.delete": "删除计划",
    "plan.import": "导入计划",
    "schedule.set": "设为当前方案",
    "job.submit": "提交编排任务",
    "job.cancel": "取消编排任务",
    "job.adopt": "采用候选方案",
    "whatif.adopt": "采用推演结果",
    "scenario.save": "保存方案版本",
    "scenario.restore": "恢复方案版本",
    "scenario.delete": "删除方案版本",
    "setting.set": "修改系统设置",
    "account.create": "新建账号",
    "account.update": "修改账号",
    "account.disable": "停用账号",
    "account.enable": "启用账号",
    "account.password_reset": "重置密码",
    "account.password_change": "修改密码",
    "session.sign_in": "登录",
    "session.sign_in_failed": "登录失败",
    "session.sign_out": "退出登录",
}
AUDIT_SHEET = "操作记录"
AUDIT_COLUMNS = ("序号", "时间", "操作人", "角色", "操作", "计划", "对象", "内容", "修改前", "修改后", "来源地址")


# --- accounts and sign-in (services.accounts) ---
BAD_LOGIN = "登录名须为 2–64 个字母、数字或 _ . @ - 字符"
PASSWORD_IS_LOGIN = "密码不能与登录名相同"
BAD_EMAIL = "邮箱应写成 名字@单位域名 的样子(不含空格)"
ACCOUNT_FIELDS = {"display_name": "姓名", "department": "所属部门", "email": "邮箱"}


def account_text_not_one_line(field: str, code: int) -> str:
    """A display name, department or email holding a control, line-break or invisible character."""
    return f"{ACCOUNT_FIELDS[field]}应为一行文字,不能含控制字符、换行或不可见字符(含 U+{code:04X})"


def account_text_too_long(field: str, limit: int, n: int) -> str:
    """A display name, department or email longer than the limit."""
    return f"{ACCOUNT_FIELDS[field]}最多 {limit} 个字,实为 {n} 个字"


LIAISON_NEEDS_DEPARTMENT = "部门联络员须填写所属部门(与计划中的部门名称一致)"
LAST_ADMIN = "这是最后一个启用的管理员账号,不能停用或改为其他角色,否则无人能再管理账号"
CANNOT_DISABLE_SELF = "不能停用自己正在使用的账号"
WRONG_OLD_PASSWORD = "原密码不正确,密码未修改"
BAD_CREDENTIALS = "登录名或密码不正确"
SIGN_IN_DISABLED = "该账号已停用,请联系管理员"
SSO_NO_ACCOUNT = "单点登录的邮箱没有对应的账号"
HOW_PASSWORD = "密码"
HOW_SSO = "单点登录"


def password_too_short(n: int) -> str:
    return f"密码至少 {n} 个字符"


def unknown_role(role: str) -> str:
    return f"没有「{role}」这个角色;可选:" + "、".join(f"{k}({v})" for k, v in ROLE_NAMES.items())


def _duration(seconds: int) -> str:
    if seconds < 60:
        return f"{seconds} 秒"
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} 分 {rest} 秒" if rest else f"{minutes} 分钟"


def wait_before_retry(seconds: int) -> str:
    return f"登录失败次数过多,请 {_duration(seconds)}后再试"


def wait_before_retry_tail(until, now) -> str:
    seconds = max(1, int((until - now).total_seconds() + 0.999))
    return f";失败次数过多,请 {_duration(seconds)}后再试"


def sso_no_account(email: str) -> str:
    return f"单点登录的邮箱 {email or '(空)'} 没有对应的启用账号,请联系管理员在「账号管理」中为您填写邮箱"


def audit_first_admin(login: str, name: str) -> str:
    return f"首次启动:创建管理员账号 {login}({name})"


def audit_account_created(login: str, name: str, role: str) -> str:
    return f"新建账号 {login}({name}),角色:{role}"


def audit_account_changed(login: str, old_role: str, new_role: str) -> str:
    if old_role == new_role:
        return f"修改账号 {login} 的信息"
    return f"账号 {login} 的角色由「{old_role}」改为「{new_role}」"


def audit_account_active(login: str, active: bool) -> str:
    return f"{'启用' if active else '停用'}账号 {login}"


def audit_password(login: str, own: bool) -> str:
    return f"{login} 修改了自己的密码" if own else f"重置账号 {login} 的密码"


def audit_sign_in(login: str, how: str) -> str:
    return f"{login} 登录({how})"


SIGN_IN_THROTTLED = "失败次数过多,正在限制登录(未核对密码)"


def not_signed_in(login: str) -> str:
    return f"未登录(登录名 {login or '(空)'})"


def audit_sign_in_failed(login: str, why: str) -> str:
    return f"以「{login or '(空)'}」登录失败:{why}"


def audit_sign_out(login: str) -> str:
    return f"{login} 退出登录"


# --- audit summaries of plan and schedule writes ---
NOTHING_CHANGED = "未改动"
ITEM_KIND_NAMES = {
    "topics": "议题",
    "forms": "协商形式",
    "committees": "专委会",
    "departments": "部门",
    "leaders": "领导",
}
FIELD_NAMES = {
    "title": "题目",
    "form": "形式",
    "lead_options": "牵头专委会",
    "co_organizers": "协办专委会",
    "departments": "部门",
    "leaders": "领导",
    "window": "时间窗口",
    "preferred_months": "建议月份",
    "fixed_month": "固定月份",
    "after": "先后顺序",
    "notes": "备注",
    "name": "名称",
    "role": "职务",
    "max_per_month": "每月上限",
    "unavailable_months": "不在岗月份",
    "session_only": "仅全会期间",
    "min_gap_months": "最小间隔月数",
    "calendar": "日历",
    "body": "单位",
    "year": "年份",
}


def _ids(ids: list[str], limit: int = 8) -> str:
    shown = "、".join(ids[:limit])
    return shown + (f" 等 {len(ids)} 个" if len(ids) > limit else "")


def change_parts(kind: str, added: list[str], removed: list[str], changed: dict[str, list[str]]) -> list[str]:
    name = ITEM_KIND_NAMES[kind]
    out = []
    if added:
        out.append(f"新增{name} {_ids(added)}")
    if removed:
        out.append(f"删除{name} {_ids(removed)}")
    for ident, fields in list(changed.items())[:8]:
        out.append(f"修改{name} {ident}(" + "、".join(FIELD_NAMES.get(f, f) for f in fields) + ")")
    if len(changed) > 8:
        out.append(f"另有 {len(changed) - 8} 个{name}被修改")
    return out


def changed_plan_fields(fields: list[str]) -> str:
    return "修改计划的" + "、".join(FIELD_NAMES.get(f, f) for f in fields)


def audit_plan_edit(label: str, what: str) -> str:
    return f"修改计划「{label}」:{what}"


def audit_plan_create(label: str, topics: int, how: str) -> str:
    return f"{how}计划「{label}」({topics} 个议题)"


def audit_plan_delete(label: str) -> str:
    return f"删除计划「{label}」及其全部方案"


def audit_schedule_set(label: str, moved: int, how: str) -> str:
    return f"{how}:计划「{label}」的当前方案改变,{moved} 个议题的月份或牵头单位不同"


def audit_job_submit(kind: str, plan_id: int) -> str:
    return f"提交{'推演' if kind == 'replan' else '编排'}任务(计划 #{plan_id})"


def audit_job_cancel(job_id: int) -> str:
    return f"取消编排任务 #{job_id}"


def audit_scenario(action: str, name: str, label: str) -> str:
    return f"{action}方案版本「{name}」(计划「{label}」)"


def audit_setting(key: str, label: str, old: object, new: object) -> str:
    return f"修改系统设置「{label}」({key}):{old} → {new}"


HOW_CREATED = "新建"
HOW_IMPORTED = "导入"
HOW_SOLVE = "编排结果设为当前方案"
HOW_WHATIF = "采用推演结果"
HOW_ADOPT = "采用候选方案"
HOW_RESTORE = "恢复方案版本"
SCENARIO_SAVED = "保存"
SCENARIO_RESTORED = "恢复"
SCENARIO_DELETED = "删除"


def audit_json_import(name: str) -> str:
    return f"从 JSON 文件{('「' + name + '」') if name else ''}导入计划"


def adopted_note_tail(job_id: int, asked_by: str) -> str:
    return f"(编排任务 #{job_id},提交人:{asked_by or '未署名'})"


# --- approval and versions (services.approval) ---
MOVE_LABELS = {
    "submit": "提交征求意见",
    "to_chair": "提交主席会议审议",
    "chair_pass": "主席会议审议通过",
    "committee_pass": "党委常委会审定通过",
    "issue": "印发执行",
    "withdraw": "撤回修改",
    "return": "退回修改",
    "start_adjustment": "发起年中调整",
    "submit_adjustment": "提交年中调整审批",
    "approve_adjustment": "批准年中调整并印发",
    "return_adjustment": "退回年中调整",
}
STEP_LABELS = ("草案", "征求意见", "主席会议审议", "党委常委会审定", "印发执行")


def move_not_allowed(state_label: str, move_label: str) -> str:
    return f"计划当前处于「{state_label}」阶段,不能「{move_label}」,未做任何修改"


def move_needs_note(move_label: str) -> str:
    return f"「{move_label}」需要填写说明(退回或撤回的理由),未做任何修改"


def move_needs_reason(move_label: str) -> str:
    return f"「{move_label}」需要填写调整原因,未做任何修改"


def move_needs_schedule(move_label: str) -> str:
    return f"计划还没有当前方案,不能「{move_label}」;请先编排并采用方案"


def move_schedule_outdated(move_label: str) -> str:
    return f"当前方案不是按最新计划编排的(计划在采用方案后又修改过),不能「{move_label}」;请重新编排并采用"


def move_bad_date(move_label: str) -> str:
    return f"「{move_label}」的日期不是有效日期,未做任何修改"


EMPTY_COMMENT = "意见内容为空,未保存"


def audit_move(move_label: str, label: str, number: int, state_label: str) -> str:
    return f"{label}:{move_label},冻结为第 {number} 版,进入「{state_label}」"


def audit_comment(label: str, number: int) -> str:
    return f"{label}:对第 {number} 版提出意见"


def audit_notices(label: str, number: int, count: int) -> str:
    return f"{label}:第 {number} 版印发,生成变更通知 {count} 条"


AUDIT_ACTIONS.update(
    {
        "approval.move": "审批流转",
        "approval.comment": "提出意见",
        "notice.create": "生成变更通知",
    }
)

# --- change notices (services.notices) ---
CHANGE_LABELS = {
    "month_changed": "调整月份",
    "lead_changed": "调整牵头单位",
    "month_and_lead_changed": "调整月份和牵头单位",
    "added": "新增",
    "removed": "取消",
}
RECIPIENT_KINDS = {"department": "部门", "committee": "专委会", "leader": "领导"}
NO_DEPARTMENT = "您的账号没有关联部门,请联系管理员设置后再查看变更通知"
NOTICE_TITLE = "{body}{year}年度协商计划年中调整变更通知"


def version_title(number: int, state_label: str) -> str:
    return f"第 {number} 版({state_label})"


def notice_recipient_unknown(name: str) -> str:
    return f"找不到变更通知的接收单位「{name}」,请刷新后重试"


def denied_other_department() -> str:
    return "部门联络员只能查看本部门的变更通知和日历,未做任何修改"


def versions_of_two_plans() -> str:
    return "两个版本不属于同一个计划,无法比较"


MOVE_LABELS["abandon_adjustment"] = "撤销年中调整"
# --- printing (services.printing) ---
CHROMIUM_MISSING = (
    "服务器上没有安装 Chromium 浏览器,无法生成 PDF 和图片;请管理员安装"
    "(Debian/Ubuntu:apt-get install chromium fonts-noto-cjk)。也可以在浏览器中按 Ctrl+P 直接打印本页"
)
PDFTOPPM_MISSING = "服务器上没有安装 pdftoppm,无法生成图片;请管理员安装(Debian/Ubuntu:apt-get install poppler-utils)"
PRINT_TIMEOUT = "生成{what}超时(超过 {s} 秒),请稍后再试"
PRINT_FAILED = "生成{what}失败:{detail}"
PRINT_WHAT = {"pdf": "PDF", "png": "图片"}
