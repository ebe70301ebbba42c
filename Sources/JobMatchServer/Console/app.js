// The console's shell: sign-in, navigation by the address's hash (#/today, #/person/ID, #/jobs/ID),
// and the timing marks the browser test reads (performance.measure "view:NAME").
import { api, signIn, signOut, token } from "./api.js";
import { h, fill, describe, announce } from "./ui.js";
import { ROLES, districtName } from "./labels.js";
import { renderToday } from "./today.js";
import { renderPerson } from "./person.js";
import { renderCandidates } from "./candidates.js";

const main = document.getElementById("main");
let me = null;
let generation = 0;

/// Marks the start of a view; `done()` marks it ready and measures (read by the browser test).
function timing(name) {
  const id = ++generation;
  const start = `start:${name}:${id}`;
  performance.mark(start);
  return {
    current: () => id === generation,
    done() {
      if (id !== generation) return;
      performance.measure(`view:${name}`, start);
      main.dataset.ready = name;
    },
  };
}

function showSignIn(message) {
  document.getElementById("nav").hidden = true;
  const input = h("input", { id: "token", name: "token", type: "password", autocomplete: "off", required: true, "aria-describedby": "token-help" });
  const problem = h("p", { id: "sign-in-error", class: "error", role: "alert", hidden: !message }, message ?? "");
  const form = h("form", { class: "card sign-in", "aria-labelledby": "sign-in-title" },
    h("h2", { id: "sign-in-title" }, "登录"),
    h("label", { for: "token" }, "访问令牌"),
    input,
    h("p", { id: "token-help", class: "hint" }, "令牌只保存在本浏览器标签页中，关闭后需重新输入。"),
    problem,
    h("button", { type: "submit", class: "primary" }, "登录"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    signIn(input.value);
    const ok = await loadMe(problem);
    if (ok) {
      if (!location.hash || location.hash === "#/") location.hash = "#/today";
      else route();
    }
  });
  fill(main, form);
  delete main.dataset.ready;
  input.focus();
}

async function loadMe(problem) {
  try {
    me = await api("GET", "/v1/me");
  } catch (error) {
    signOut();
    me = null;
    if (problem) { problem.hidden = false; problem.textContent = describe(error); }
    return false;
  }
  const districts = me.districts.length ? me.districts.map(districtName).join("、") : "全市";
  document.getElementById("who").textContent = `${me.name} · ${ROLES[me.role] ?? me.role} · ${districts}`;
  document.getElementById("nav").hidden = false;
  return true;
}

async function route() {
  if (!token()) return showSignIn();
  if (!me && !(await loadMe())) return showSignIn("登录已失效，请重新输入令牌。");
  const [path, search] = (location.hash || "#/today").slice(1).split("?");
  const [, view, id] = path.split("/");
  for (const link of document.querySelectorAll("[data-nav]")) {
    if (link.dataset.nav === view) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  delete main.dataset.ready;
  const context = { me, main, announce };
  try {
    if (view === "person" && id) await renderPerson(decodeURIComponent(id), { ...context, timing: timing("person") });
    else if (view === "jobs") await renderCandidates(id ? decodeURIComponent(id) : "", { ...context, timing: timing("jobs") });
    else await renderToday(new URLSearchParams(search ?? ""), { ...context, timing: timing("today") });
  } catch (error) {
    fill(main, h("div", { class: "error", role: "alert" }, describe(error)));
  }
}

document.getElementById("sign-out").addEventListener("click", () => {
  signOut();
  me = null;
  location.hash = "#/";
  showSignIn("已退出。");
});
window.addEventListener("hashchange", route);
route();
