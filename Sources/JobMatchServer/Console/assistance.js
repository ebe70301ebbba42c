// 援助过程记录: one person's record of assistance (GET /v1/applicants/{id}/services, interchange 1.1), oldest
// first, each entry with its posting or course (a course's title from GET /v1/trainings/{id}).
import { api } from "./api.js";
import { h, fill, loading, errorBox, when } from "./ui.js";
import { SERVICE_KINDS, label } from "./labels.js";

export async function loadServices(section, id) {
  const title = () => h("h3", { id: "services-title" }, "援助过程记录");
  if (!section.hasChildNodes()) fill(section, title(), loading());
  let answer;
  try {
    answer = await api("GET", `/v1/applicants/${encodeURIComponent(id)}/services`);
  } catch (error) {
    fill(section, title(), errorBox(error, () => loadServices(section, id)));
    return;
  }
  const entries = answer.services;
  const courses = new Map();
  for (const e of entries) {
    if (e.training && !courses.has(e.training)) {
      courses.set(e.training, api("GET", `/v1/trainings/${encodeURIComponent(e.training)}`).then((t) => t.title, () => e.training));
    }
  }
  const titles = new Map(await Promise.all([...courses].map(async ([key, promise]) => [key, await promise])));
  const concerns = (e) => e.job ? h("a", { href: `#/jobs/${encodeURIComponent(e.job)}` }, e.job) : (e.training ? titles.get(e.training) : "");
  fill(section, title(), entries.length === 0 ? h("p", { class: "empty" }, "尚无援助记录。") :
    h("details", { open: entries.length <= 12 },
      h("summary", {}, `共 ${entries.length} 条（推介、指导、培训、援助、回访）`),
      h("div", { class: "table-wrap" }, h("table", { class: "history-table" },
        h("thead", {}, h("tr", {}, ["时间", "服务", "岗位或课程", "经办人", "备注"].map((t) => h("th", { scope: "col" }, t)))),
        h("tbody", {}, entries.map((e) => h("tr", {},
          h("td", {}, when(e.at)), h("td", {}, label(SERVICE_KINDS, e.kind)), h("td", {}, concerns(e)),
          h("td", {}, e.by ?? ""), h("td", {}, e.note ?? ""))))))));
}
