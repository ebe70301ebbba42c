// The explained list of one person: filters, a what-if panel (POST /v1/recommendations with a changed
// profile, never stored), and one-click outcomes (POST /v1/outcomes).
import { api, job, query } from "./api.js";
import { h, fill, loading, errorBox, announce, distanceKm, nowInChongqing, select } from "./ui.js";
import { EVENTS, JOB_TYPES, OUTCOMES, TAGS, WAGE_UNITS, districtName, label } from "./labels.js";

/// How many openings a list asks for: the count of fitting openings is the length of this list.
const COUNT_LIMIT = 200;
const SHOWN = 10;

export function renderMatches(container, profile, { onOutcome, onReady }) {
  const filters = h("form", { class: "filters", "aria-label": "岗位筛选" },
    h("div", { class: "field" }, h("label", { for: "m-type" }, "岗位类型"), select("m-type", JOB_TYPES, "", "全部")),
    h("fieldset", { class: "tags" }, h("legend", {}, "岗位标签（同时具备）"),
      Object.entries(TAGS).map(([code, text]) => h("label", { class: "check" },
        h("input", { type: "checkbox", name: "m-tag", value: code }), text))),
    h("div", { class: "field" }, h("label", { for: "m-radius" }, "距离不超过（公里）"),
      h("input", { id: "m-radius", type: "number", min: "0", step: "0.5", inputmode: "decimal", placeholder: "不限" })),
    h("button", { type: "submit" }, "筛选"));

  const commute = profile.preferences?.max_commute_km;
  const whatIf = h("form", { class: "what-if", "aria-label": "试算条件" },
    h("div", { class: "field" }, h("label", { for: "w-commute" }, "通勤上限（公里）"),
      h("input", { id: "w-commute", type: "number", min: "0", step: "0.5", inputmode: "decimal", value: commute ?? "", placeholder: "不限" })),
    h("label", { class: "check" }, h("input", { type: "checkbox", id: "w-part-time" }), "愿意做兼职"),
    h("label", { class: "check" }, h("input", { type: "checkbox", id: "w-gig" }), "愿意打零工"),
    h("div", { class: "field" }, h("label", { for: "w-certificate" }, "取得证书"),
      h("input", { id: "w-certificate", type: "text", placeholder: "如 健康证" })),
    h("div", { class: "field" }, h("label", { for: "w-skill" }, "学会技能"),
      h("input", { id: "w-skill", type: "text", placeholder: "如 收银" })),
    h("div", { class: "buttons" },
      h("button", { type: "submit", class: "primary" }, "试算"),
      h("button", { type: "button", id: "w-reset" }, "恢复原名单")));

  const summary = h("p", { class: "count", id: "fit-count", "aria-live": "polite" });
  const list = h("div", { class: "matches", "aria-busy": "true" }, loading("正在计算推荐岗位…"));
  const box = h("details", { class: "what-if-box" }, h("summary", { id: "what-if-title" }, "假如……试算（改通勤、接受兼职零工、取得证书或技能；不保存）"), whatIf);
  fill(container, h("h3", {}, "推荐岗位（附理由）"), filters, box, summary, list);

  let baseline = null; // the count without what-if, for the same filters
  let request = 0;

  function filterParams() {
    const type = filters.elements["m-type"].value;
    const tags = [...filters.querySelectorAll("input[name=m-tag]:checked")].map((i) => i.value);
    const radius = parseFloat(filters.elements["m-radius"].value);
    return { type, tags, radius: Number.isFinite(radius) && radius >= 0 ? radius : null };
  }

  function modified() {
    const copy = structuredClone(profile);
    copy.preferences = copy.preferences ?? {};
    const limit = parseFloat(whatIf.elements["w-commute"].value);
    if (Number.isFinite(limit) && limit >= 0) copy.preferences.max_commute_km = limit;
    else delete copy.preferences.max_commute_km;
    const types = new Set(copy.preferences.job_types ?? []);
    if (whatIf.elements["w-part-time"].checked) types.add("part_time");
    if (whatIf.elements["w-gig"].checked) types.add("gig");
    if (types.size) copy.preferences.job_types = [...types];
    const certificate = whatIf.elements["w-certificate"].value.trim();
    if (certificate) copy.certificates = [...new Set([...(copy.certificates ?? []), certificate])];
    const skill = whatIf.elements["w-skill"].value.trim();
    if (skill) copy.skills = [...new Set([...(copy.skills ?? []), skill])];
    return copy;
  }

  async function load(scenario) {
    const mine = ++request;
    const f = filterParams();
    const params = { k: COUNT_LIMIT, job_type: f.type, tag: f.tags };
    let person = scenario ? modified() : profile;
    if (f.radius !== null) {
      person = structuredClone(person);
      person.preferences = person.preferences ?? {};
      const own = person.preferences.max_commute_km;
      person.preferences.max_commute_km = own === undefined ? f.radius : Math.min(own, f.radius);
    }
    list.setAttribute("aria-busy", "true");
    fill(list, loading(scenario ? "正在试算…" : "正在计算推荐岗位…"));
    let answer;
    try {
      answer = person === profile
        ? await api("GET", `/v1/applicants/${encodeURIComponent(profile.id)}/recommendations` + query(params))
        : await api("POST", "/v1/recommendations" + query(params), person);
    } catch (error) {
      if (mine !== request) return;
      list.setAttribute("aria-busy", "false");
      fill(list, errorBox(error, () => load(scenario)));
      onReady?.();
      return;
    }
    if (mine !== request) return;
    const count = answer.recommendations.length;
    const shown = count >= COUNT_LIMIT ? `${COUNT_LIMIT} 个以上` : `${count} 个`;
    if (!scenario) baseline = shown;
    summary.textContent = scenario
      ? `试算结果（未保存）：符合条件的岗位由 ${baseline ?? "—"} 变为 ${shown}`
      : `符合条件的岗位：${shown}`;
    summary.dataset.count = String(count);
    summary.classList.toggle("scenario", Boolean(scenario));
    await show(answer.recommendations, person, mine);
    announce(summary.textContent);
    onReady?.();
  }

  async function show(recommendations, person, mine, limit = SHOWN) {
    const top = recommendations.slice(0, limit);
    const jobs = await Promise.all(top.map((r) => job(r.job).catch(() => null)));
    if (mine !== request) return;
    list.setAttribute("aria-busy", "false");
    if (recommendations.length === 0) {
      fill(list, h("p", { class: "empty" }, "暂无符合条件的岗位。可放宽筛选，或用上面的试算看看取得证书、扩大通勤范围后的变化。"));
      return;
    }
    fill(list,
      h("ol", { class: "job-list" }, top.map((r, i) => card(r, jobs[i], person))),
      recommendations.length > limit
        ? h("button", { type: "button", class: "more", onclick: () => show(recommendations, person, mine, limit + SHOWN) },
          `显示更多（还有 ${recommendations.length - limit} 个）`)
        : null);
  }

  function card(r, j, person) {
    const distance = r.reasons.find((x) => x.code === "distance")?.value ?? distanceKm(person.location, j?.location);
    const facts = [
      j ? label(JOB_TYPES, j.job_type) : null,
      j ? districtName(j.district) : null,
      j?.remote ? "可居家办公" : distance != null ? `距离约 ${distance.toFixed(1)} 公里` : "距离不详",
      j?.wage ? `${j.wage.min}–${j.wage.max} 元/${label(WAGE_UNITS, j.wage.unit)}` : "薪资面议",
      j?.hours_per_week ? `每周 ${j.hours_per_week} 小时` : null,
    ].filter(Boolean);
    const done = h("p", { class: "recorded", role: "status" });
    const buttons = OUTCOMES.map((event) => h("button", {
      type: "button", class: "outcome", "data-event": event,
      "aria-label": `${label(EVENTS, event)}：${j?.title ?? r.job}`,
      onclick: (e) => record(r.job, j?.title ?? r.job, event, e.currentTarget, done),
    }, label(EVENTS, event)));
    return h("li", { class: "job card", "data-job": r.job },
      h("div", { class: "job-head" },
        h("span", { class: "rank", "aria-label": `第 ${r.rank} 名` }, String(r.rank)),
        h("div", {},
          h("h4", {}, j?.title ?? r.job),
          h("p", { class: "employer" }, j?.employer?.name ?? "", " · ", h("a", { href: `#/jobs/${encodeURIComponent(r.job)}` }, `岗位 ${r.job} 的候选人`)))),
      h("p", { class: "facts" }, facts.join(" · ")),
      j?.tags?.length ? h("p", {}, j.tags.map((t) => h("span", { class: "chip tag" }, label(TAGS, t)))) : null,
      h("ul", { class: "reasons", "aria-label": "推荐理由" }, r.reasons.map((x) => h("li", {}, x.text))),
      h("div", { class: "outcomes", role: "group", "aria-label": "记录结果" }, buttons),
      done);
  }

  async function record(jobId, title, event, button, done) {
    button.disabled = true;
    done.textContent = "正在记录…";
    try {
      await api("POST", "/v1/outcomes", { applicant: profile.id, job: jobId, event, at: nowInChongqing() });
      button.setAttribute("aria-pressed", "true");
      done.textContent = `已记录：${label(EVENTS, event)}（${title}）`;
      announce(done.textContent);
      onOutcome?.();
    } catch (error) {
      done.textContent = `未能记录：${errorText(error)}`;
      done.classList.add("error");
    } finally {
      button.disabled = false;
    }
  }

  filters.addEventListener("submit", (event) => { event.preventDefault(); load(false); });
  whatIf.addEventListener("submit", (event) => { event.preventDefault(); load(true); });
  whatIf.querySelector("#w-reset").addEventListener("click", () => { whatIf.reset(); load(false); });
  return load(false);
}

function errorText(error) {
  return error?.problem?.detail ?? error?.message ?? String(error);
}
