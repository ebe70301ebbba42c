// A posting's candidates (GET /v1/jobs/{id}/candidates) for targeted small job fairs (定向小规模招聘会)
// and employer visits, shown for the caseworker's own districts unless they ask for all.
import { api, job } from "./api.js";
import { h, fill, loading, errorBox } from "./ui.js";
import { JOB_TYPES, TAGS, WAGE_UNITS, districtName, label } from "./labels.js";

export async function renderCandidates(id, { me, main, timing, announce }) {
  const input = h("input", { id: "c-job", name: "job", type: "text", value: id, required: true, autocomplete: "off" });
  const mineOnly = h("input", { id: "c-mine", type: "checkbox", checked: me.role === "caseworker" });
  const form = h("form", { class: "filters", "aria-label": "查找岗位" },
    h("div", { class: "field" }, h("label", { for: "c-job" }, "岗位编号"), input),
    me.role === "caseworker" ? h("label", { class: "check" }, mineOnly, "只看我辖区的人员") : null,
    h("button", { type: "submit", class: "primary" }, "查找候选人"));
  const results = h("section", { "aria-live": "polite" });
  fill(main, h("h2", {}, "岗位候选人 · 定向小规模招聘会"),
    h("p", { class: "hint" }, "为一个岗位找出最合适的求职者，用于定向招聘会和走访拓岗。"), form, results);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const next = `#/jobs/${encodeURIComponent(input.value.trim())}`;
    if (location.hash === next) show(); else location.hash = next;
  });
  mineOnly.addEventListener("change", () => show());
  if (!id) { timing.done(); input.focus(); return; }

  let cached = null;
  async function show() {
    if (!cached) {
      fill(results, loading("正在查找候选人…"));
      try {
        cached = await Promise.all([job(id), api("GET", `/v1/jobs/${encodeURIComponent(id)}/candidates?k=50`)]);
      } catch (error) {
        fill(results, errorBox(error, () => { cached = null; show(); }));
        return;
      }
    }
    const [j, answer] = cached;
    const own = new Set(me.districts);
    const people = answer.candidates.filter((c) => !mineOnly.checked || own.has(c.district));
    fill(results,
      h("div", { class: "card" },
        h("h3", {}, `${j.title}（${j.employer?.name ?? ""}）`),
        h("p", { class: "facts" }, [label(JOB_TYPES, j.job_type), districtName(j.district),
          j.wage ? `${j.wage.min}–${j.wage.max} 元/${label(WAGE_UNITS, j.wage.unit)}` : "薪资面议",
          `招 ${j.openings} 人`].join(" · ")),
        (j.tags ?? []).map((t) => h("span", { class: "chip tag" }, label(TAGS, t)))),
      h("p", { class: "count" }, `候选人 ${people.length} 名` + (mineOnly.checked ? "（我辖区）" : "")),
      people.length === 0 ? h("p", { class: "empty" }, "暂无候选人。") :
        h("ol", { class: "job-list" }, people.map((c) => h("li", { class: "card" },
          h("div", { class: "job-head" },
            h("span", { class: "rank" }, String(c.rank)),
            h("div", {},
              h("h4", {}, me.role === "operator" || own.has(c.district)
                ? h("a", { href: `#/person/${encodeURIComponent(c.applicant)}` }, c.applicant) : c.applicant),
              h("p", { class: "employer" }, districtName(c.district)))),
          h("ul", { class: "reasons" }, c.reasons.map((r) => h("li", {}, r.text)))))));
    announce(`找到 ${people.length} 名候选人`);
  }
  await show();
  timing.done();
}
