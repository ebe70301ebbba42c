// 工作台: the caseworker's people, most urgent first (GET /v1/applicants), each linking to the file.
import { api, query } from "./api.js";
import { h, fill, loading, errorBox, when, select } from "./ui.js";
import { ATTENTION, DISTRICTS, EDUCATION, GENDER, GROUPS, STATUS, districtName, label } from "./labels.js";

const PER_PAGE = 20;

export async function renderToday(params, { me, main, timing, announce }) {
  const state = {
    district: params.get("district") ?? "",
    group: params.get("group") ?? "",
    status: params.get("status") === "all" ? "" : params.get("status") ?? "seeking",
    page: Math.max(1, Number(params.get("page") ?? 1) || 1),
  };
  const districts = me.role === "operator" ? DISTRICTS : Object.fromEntries(me.districts.map((c) => [c, districtName(c)]));
  const form = h("form", { class: "filters", "aria-label": "筛选" },
    h("div", { class: "field" }, h("label", { for: "f-district" }, "辖区"),
      select("f-district", districts, state.district, me.role === "operator" ? "全市" : "我的全部辖区")),
    h("div", { class: "field" }, h("label", { for: "f-group" }, "援助类别"), select("f-group", GROUPS, state.group, "全部")),
    h("div", { class: "field" }, h("label", { for: "f-status" }, "状态"), select("f-status", STATUS, state.status, "全部")),
    h("button", { type: "submit" }, "筛选"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    go({ district: form.elements["f-district"].value, group: form.elements["f-group"].value, status: form.elements["f-status"].value, page: 1 });
  });
  const results = h("section", { "aria-labelledby": "today-title", "aria-busy": "true" }, loading("正在加载今日名单…"));
  fill(main, h("h2", { id: "today-title" }, "工作台 · 今日待办"),
    h("p", { class: "hint" }, "排序：零就业家庭未清零者优先，其次暂无合适岗位、推送久未回应、新登记人员。"),
    form, results);

  function go(next) {
    const merged = { ...state, ...next };
    location.hash = "#/today" + query({ ...merged, status: merged.status || "all" });
  }

  let page;
  try {
    page = await api("GET", "/v1/applicants" + query({
      district: state.district, group: state.group, status: state.status, page: state.page, per_page: PER_PAGE,
    }));
  } catch (error) {
    results.setAttribute("aria-busy", "false");
    fill(results, errorBox(error, () => renderToday(params, { me, main, timing, announce })));
    return;
  }
  if (!timing.current()) return;
  const pages = Math.max(1, Math.ceil(page.total / PER_PAGE));
  const rows = page.applicants.map((a) => h("tr", { class: `attention-${a.attention}` },
    h("td", {}, h("a", { href: `#/person/${encodeURIComponent(a.id)}`, class: "person-link" }, a.id)),
    h("td", {}, `${label(GENDER, a.gender)} · ${a.age}岁 · ${label(EDUCATION, a.education)}`),
    h("td", {}, districtName(a.district)),
    h("td", {}, (a.groups ?? []).map((g) => h("span", { class: "chip" }, label(GROUPS, g)))),
    h("td", {}, h("span", { class: `badge badge-${a.attention}` }, label(ATTENTION, a.attention)), detail(a)),
    h("td", {}, label(STATUS, a.status))));
  results.setAttribute("aria-busy", "false");
  fill(results,
    h("p", { class: "count" }, `共 ${page.total} 人，第 ${state.page} / ${pages} 页`),
    page.applicants.length === 0 ? h("p", { class: "empty" }, "没有符合条件的人员。") :
      h("div", { class: "table-wrap" }, h("table", { class: "people" },
        h("caption", { class: "visually-hidden" }, "今日名单"),
        h("thead", {}, h("tr", {}, ["编号", "基本情况", "辖区", "援助类别", "需关注", "状态"].map((t) => h("th", { scope: "col" }, t)))),
        h("tbody", {}, rows))),
    h("nav", { class: "pager", "aria-label": "翻页" },
      h("button", { type: "button", disabled: state.page <= 1, onclick: () => go({ page: state.page - 1 }) }, "上一页"),
      h("span", {}, `第 ${state.page} 页`),
      h("button", { type: "button", disabled: state.page >= pages, onclick: () => go({ page: state.page + 1 }) }, "下一页")));
  announce(`今日名单已加载，共 ${page.total} 人`);
  timing.done();
}

function detail(a) {
  const parts = [];
  if (a.unanswered_pushes > 0) parts.push(`${a.unanswered_pushes} 次推送未回应（自 ${when(a.first_unanswered_push_at).slice(5, 10)} 起）`);
  if (a.last_run_openings === 0) parts.push("上次批量推送无合适岗位");
  return parts.length ? h("small", { class: "detail" }, parts.join("；")) : null;
}
