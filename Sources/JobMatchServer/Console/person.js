// 一人一档: one person's file (GET /v1/applicants/{id}), edit (PUT, field errors from the problem
// details), history of events and pushes (GET /v1/applicants/{id}/history), the record of assistance
// (GET /v1/applicants/{id}/services, assistance.js), the audit (operators and the person's own caseworkers),
// and the explained list beside it.
import { api, ApiError } from "./api.js";
import { h, fill, loading, errorBox, describe, translate, when, nowInChongqing, select } from "./ui.js";
import {
  CAPACITY, DISABILITY, EDUCATION, EVENTS, FIELDS, GENDER, GROUPS, INTENT, JOB_TYPES, ROLES, SCHEDULES, STATUS,
  districtName, label,
} from "./labels.js";
import { renderMatches } from "./matches.js";
import { loadServices } from "./assistance.js";

export async function renderPerson(id, { me, main, timing, announce }) {
  const file = h("section", { class: "file", "aria-labelledby": "file-title" }, loading("正在打开档案…"));
  const matches = h("section", { class: "list", "aria-label": "推荐岗位" });
  const history = h("section", { class: "history", "aria-labelledby": "history-title" });
  const services = h("section", { class: "services", "aria-labelledby": "services-title" });
  const audit = h("section", { class: "audit", "aria-labelledby": "audit-title" });
  fill(main,
    h("p", { class: "back" }, h("a", { href: "#/today" }, "← 返回工作台")),
    h("div", { class: "person-layout" }, h("div", { class: "left" }, file, history, services, audit), matches));

  let profile;
  try {
    profile = await api("GET", `/v1/applicants/${encodeURIComponent(id)}`);
  } catch (error) {
    fill(file, h("h2", { id: "file-title" }, `档案 ${id}`), errorBox(error));
    // Outside the caller's districts the API answers 404, exactly as for an unknown id.
    if (error instanceof ApiError && (error.status === 403 || error.status === 404)) file.dataset.refused = "true";
    timing.done();
    return;
  }
  if (!timing.current()) return;
  showProfile(file, profile, me, (saved) => { profile = saved; rerunMatches(); loadAudit(audit, id, me); });
  const refreshHistory = () => loadHistory(history, id);
  refreshHistory();
  loadServices(services, id);
  loadAudit(audit, id, me);
  let ready = false;
  const rerunMatches = () => renderMatches(matches, profile, {
    onOutcome: () => { refreshHistory(); loadAudit(audit, id, me); },
    onReady: () => { if (!ready) { ready = true; timing.done(); } },
  });
  await rerunMatches();
  announce(`已打开 ${id} 的档案`);
}

function showProfile(section, p, me, onSaved) {
  const pref = p.preferences ?? {};
  const age = new Date().getFullYear() - p.birth_year;
  const rows = [
    ["基本情况", `${label(GENDER, p.gender)} · ${age}岁 · ${label(EDUCATION, p.education)}`],
    ["户籍辖区", districtName(p.district)],
    ["状态", label(STATUS, p.status)],
    ["就业意愿", label(INTENT, p.intent ?? "active")],
    ["援助类别", (p.groups ?? []).length ? p.groups.map((g) => h("span", { class: "chip" }, label(GROUPS, g))) : "—"],
  ];
  // Interchange 1.1: the household the person belongs to (members share it).
  if (p.household) rows.push(["家庭编号", p.household]);
  // Disability and capacity appear only where the API returned them (it redacts them for others).
  if (p.disability) rows.push(["残疾情况", `${p.disability.categories.map((c) => label(DISABILITY, c)).join("、")}，${p.disability.grade} 级`]);
  if (p.work_capacity) rows.push(["劳动能力", label(CAPACITY, p.work_capacity)]);
  rows.push(
    ["技能", (p.skills ?? []).join("、") || "—"],
    ["证书", (p.certificates ?? []).join("、") || "—"],
    ["工作经历", (p.experience ?? []).map((e) => `${e.title}（${e.years} 年）`).join("；") || "—"],
    ["意向岗位类型", (pref.job_types ?? []).map((t) => label(JOB_TYPES, t)).join("、") || "不限"],
    ["期望月薪", pref.min_monthly_wage != null ? `${pref.min_monthly_wage} 元以上` : "不限"],
    ["通勤上限", pref.max_commute_km != null ? `${pref.max_commute_km} 公里` : "不限"],
    ["班次", (pref.schedule ?? []).map((s) => label(SCHEDULES, s)).join("、") || "不限"],
    ["更新时间", when(p.updated_at)],
  );
  const edit = h("button", { type: "button", id: "edit-profile" }, "编辑档案");
  fill(section,
    h("h2", { id: "file-title" }, `一人一档 · ${p.id}`),
    h("dl", { class: "facts-list" }, rows.map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)])),
    p.profile_text ? h("p", { class: "profile-text" }, p.profile_text) : null,
    edit);
  edit.addEventListener("click", () => showEditor(section, p, me, onSaved));
}

function splitList(text) {
  return text.split(/[,，、;；\s]+/).map((s) => s.trim()).filter(Boolean);
}

function number(text) {
  const t = text.trim();
  if (t === "") return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t; // not a number: the API names the field
}

function showEditor(section, p, me, onSaved) {
  const pref = p.preferences ?? {};
  const field = (name, labelText, control) => h("div", { class: "field", "data-field": name },
    h("label", { for: control.id }, labelText), control,
    h("p", { class: "field-error", id: `${control.id}-error`, hidden: true }));
  const checks = (name, table, chosen) => h("fieldset", { "data-field": name },
    h("legend", {}, FIELDS[name]),
    Object.entries(table).map(([code, text]) => h("label", { class: "check" },
      h("input", { type: "checkbox", name, value: code, checked: (chosen ?? []).includes(code) }), text)),
    h("p", { class: "field-error", hidden: true }));
  const form = h("form", { class: "editor", novalidate: true, "aria-labelledby": "edit-title" },
    h("h2", { id: "edit-title" }, `编辑档案 · ${p.id}`),
    h("div", { class: "form-error error", role: "alert", hidden: true }),
    field("status", "状态", select("e-status", STATUS, p.status)),
    field("intent", "就业意愿", select("e-intent", INTENT, p.intent ?? "active")),
    field("work_capacity", "劳动能力", select("e-capacity", CAPACITY, p.work_capacity ?? "full")),
    field("skills", "技能（用、或逗号分隔）", h("input", { id: "e-skills", type: "text", value: (p.skills ?? []).join("、") })),
    field("certificates", "证书（用、或逗号分隔）", h("input", { id: "e-certificates", type: "text", value: (p.certificates ?? []).join("、") })),
    checks("preferences.job_types", JOB_TYPES, pref.job_types),
    field("preferences.min_monthly_wage", "期望月薪（元）", h("input", { id: "e-wage", type: "text", inputmode: "decimal", value: pref.min_monthly_wage ?? "" })),
    field("preferences.max_commute_km", "通勤上限（公里）", h("input", { id: "e-commute", type: "text", inputmode: "decimal", value: pref.max_commute_km ?? "" })),
    checks("preferences.schedule", SCHEDULES, pref.schedule),
    field("profile_text", "情况说明", h("textarea", { id: "e-text", rows: 4 }, p.profile_text ?? "")),
    h("div", { class: "buttons" },
      h("button", { type: "submit", class: "primary" }, "保存"),
      h("button", { type: "button", id: "e-cancel" }, "取消")));
  fill(section, form);
  form.querySelector("#e-status").focus();
  form.querySelector("#e-cancel").addEventListener("click", () => showProfile(section, p, me, onSaved));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const v = (id) => form.querySelector(id).value;
    const record = structuredClone(p);
    record.status = v("#e-status");
    record.intent = v("#e-intent");
    record.work_capacity = v("#e-capacity");
    record.skills = splitList(v("#e-skills"));
    record.certificates = splitList(v("#e-certificates"));
    const preferences = { ...(p.preferences ?? {}) };
    const picked = (name) => [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((i) => i.value);
    preferences.job_types = picked("preferences.job_types");
    preferences.schedule = picked("preferences.schedule");
    preferences.min_monthly_wage = number(v("#e-wage"));
    preferences.max_commute_km = number(v("#e-commute"));
    for (const key of Object.keys(preferences)) {
      if (preferences[key] === undefined || (Array.isArray(preferences[key]) && preferences[key].length === 0)) delete preferences[key];
    }
    record.preferences = preferences;
    const text = v("#e-text").trim();
    if (text) record.profile_text = text; else delete record.profile_text;
    record.updated_at = nowInChongqing();
    clearErrors(form);
    const save = form.querySelector("button[type=submit]");
    save.disabled = true;
    save.textContent = "正在保存…";
    try {
      const saved = await api("PUT", `/v1/applicants/${encodeURIComponent(p.id)}`, record);
      showProfile(section, saved, me, onSaved);
      section.querySelector("#edit-profile").focus();
      onSaved(saved);
    } catch (error) {
      showErrors(form, error); // the form and its text stay as typed
    } finally {
      save.disabled = false;
      save.textContent = "保存";
    }
  });
}

function clearErrors(form) {
  for (const e of form.querySelectorAll(".field-error")) { e.hidden = true; e.textContent = ""; }
  for (const e of form.querySelectorAll("[aria-invalid]")) e.removeAttribute("aria-invalid");
  form.querySelector(".form-error").hidden = true;
}

function showErrors(form, error) {
  const problem = error instanceof ApiError ? error.problem : {};
  const issues = problem.errors?.length ? problem.errors : [{ field: problem.field, detail: problem.detail }];
  const summary = form.querySelector(".form-error");
  const lines = [];
  let first = null;
  for (const issue of issues) {
    const name = issue.field ? (FIELDS[issue.field] ?? issue.field) : null;
    lines.push(name ? `${name}：${translate(issue.detail)}` : translate(issue.detail));
    const box = issue.field && form.querySelector(`[data-field="${CSS.escape(issue.field)}"]`);
    if (box) {
      const message = box.querySelector(".field-error");
      message.hidden = false;
      message.textContent = `${name}有误：${translate(issue.detail)}`;
      const control = box.querySelector("input, select, textarea");
      control?.setAttribute("aria-invalid", "true");
      control?.setAttribute("aria-describedby", message.id || "");
      first = first ?? control;
    }
  }
  summary.hidden = false;
  fill(summary, h("p", {}, `未能保存。${describe(error)}`), h("ul", {}, lines.map((l) => h("li", {}, l))));
  (first ?? summary).focus?.();
}

async function loadHistory(section, id) {
  if (!section.hasChildNodes()) fill(section, h("h3", { id: "history-title" }, "服务记录"), loading());
  let answer;
  try {
    answer = await api("GET", `/v1/applicants/${encodeURIComponent(id)}/history`);
  } catch (error) {
    fill(section, h("h3", { id: "history-title" }, "服务记录"), errorBox(error, () => loadHistory(section, id)));
    return;
  }
  const items = answer.history;
  const outcomes = items.filter((e) => e.kind === "event" && !["recommended", "viewed"].includes(e.event));
  const row = (e) => h("tr", {},
    h("td", {}, when(e.at)),
    h("td", {}, e.kind === "push" ? `批量推送（第 ${e.rank} 名）` : label(EVENTS, e.event)),
    h("td", {}, h("a", { href: `#/jobs/${encodeURIComponent(e.job)}` }, e.job_title ?? e.job)));
  const table = (rows, caption) => h("div", { class: "table-wrap" }, h("table", { class: "history-table" },
    h("caption", {}, caption),
    h("thead", {}, h("tr", {}, ["时间", "事项", "岗位"].map((t) => h("th", { scope: "col" }, t)))),
    h("tbody", {}, rows.map(row))));
  fill(section,
    h("h3", { id: "history-title" }, "服务记录"),
    items.length === 0 ? h("p", { class: "empty" }, "尚无推介、推送或结果记录。") : [
      outcomes.length ? table(outcomes.slice(0, 20), `已记录的结果（${outcomes.length}）`) : h("p", {}, "尚无已记录的结果。"),
      h("details", { open: items.length <= 12 },
        h("summary", {}, `全部记录（${items.length} 条：推介、推送与结果）`),
        table(items.slice(0, 100), "全部记录，最新在前")),
    ]);
}

async function loadAudit(section, id, me) {
  const title = h("h3", { id: "audit-title" }, "档案查阅与修改记录");
  if (me.role !== "operator" && me.role !== "caseworker") {
    fill(section, title, h("p", { class: "hint" }, "查阅记录仅运营人员和本人所属辖区的就业服务专员可见（审计日志）。"));
    return;
  }
  let answer;
  try {
    answer = await api("GET", `/v1/audit?applicant=${encodeURIComponent(id)}&limit=30`);
  } catch (error) {
    fill(section, title, errorBox(error, () => loadAudit(section, id, me)));
    return;
  }
  const entries = [...answer.entries].reverse();
  fill(section, title, h("details", {},
    h("summary", {}, `最近 ${entries.length} 条`),
    h("div", { class: "table-wrap" }, h("table", {},
      h("thead", {}, h("tr", {}, ["时间", "操作人", "角色", "操作", "结果"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, entries.map((e) => h("tr", {},
        h("td", {}, when(e.at)), h("td", {}, e.actor), h("td", {}, label(ROLES, e.role)),
        h("td", {}, e.endpoint), h("td", {}, String(e.status)))))))));
}
