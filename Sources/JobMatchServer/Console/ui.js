// Small DOM helpers. Text always goes in as text nodes (never as HTML), so data cannot inject markup.
import { ApiError } from "./api.js";

/// h("a", {href: "#/x", class: "row"}, "text", child) → an element.
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") element.addEventListener(key.slice(2), value);
    else if (key === "class") element.className = value;
    else if (value === true) element.setAttribute(key, "");
    else element.setAttribute(key, String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/// Replaces an element's children.
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/// A line in the live region, read by screen readers.
export function announce(text) {
  const status = document.getElementById("status");
  status.textContent = "";
  requestAnimationFrame(() => { status.textContent = text; });
}

export function loading(text = "正在加载…") {
  return h("p", { class: "loading", role: "status" }, text);
}

/// The API's problem details are English; the common ones read in Chinese here (others as they are).
const PHRASES = [
  [/^expected a number.*/, "应填写数字"],
  [/^expected an integer.*/, "应填写整数"],
  [/^expected a string.*/, "应填写文字"],
  [/^expected an array.*/, "应为列表"],
  [/^(-?[\d.]+) is outside (-?[\d.]+)…(-?[\d.]+).*/, "$1 超出范围（应在 $2 到 $3 之间）"],
  [/^unknown value "([^"]*)".*/, "不认识的取值 “$1”"],
  [/^is required$/, "必须填写"],
  [/^must not be empty$/, "不能为空"],
  [/.*outside your districts.*|.*not yours.*/, "不在您的辖区"],
];

export function translate(detail) {
  if (!detail) return "";
  for (const [pattern, text] of PHRASES) if (pattern.test(detail)) return detail.replace(pattern, text);
  return detail;
}

/// An error in words, with what the caseworker can do about it.
export function describe(error) {
  if (!(error instanceof ApiError)) return `出错了：${error?.message ?? error}`;
  const detail = error.problem?.detail ? `（${translate(error.problem.detail)}）` : "";
  switch (error.status) {
    case 0: return "无法连接服务，请检查网络后重试。";
    case 400: return `请求有误${detail}`;
    case 401: return "登录已失效或令牌不正确，请重新登录。";
    case 403: return "无权查看：此人或此项不在您的服务范围内。";
    // Outside the caseworker's districts the API answers 404 exactly as for an unknown id.
    case 404: return `未找到：没有此人或此项，或不在您的服务范围内${detail}`;
    case 422: return `内容有误${detail}`;
    case 503: return "服务正在准备岗位索引，请稍候再试。";
    default: return `服务出错（${error.status}）${detail}`;
  }
}

export function errorBox(error, retry) {
  return h("div", { class: "error", role: "alert" },
    h("p", {}, describe(error)),
    retry ? h("button", { type: "button", onclick: retry }, "重试") : null);
}

/// "2026-11-30 09:00" from an RFC 3339 time, in the time's own offset.
export function when(text) {
  if (!text) return "—";
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(text);
  return m ? `${m[1]} ${m[2]}` : text;
}

/// Now as RFC 3339 in Chongqing's offset (+08:00).
export function nowInChongqing() {
  const shifted = new Date(Date.now() + 8 * 3600 * 1000);
  return shifted.toISOString().replace(/\.\d{3}Z$/, "+08:00");
}

/// Great-circle distance in km.
export function distanceKm(a, b) {
  if (!a || !b) return null;
  const rad = Math.PI / 180, r = 6371.0088;
  const dLat = (b.lat - a.lat) * rad, dLng = (b.lng - a.lng) * rad;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * r * Math.asin(Math.min(1, Math.sqrt(s)));
}

/// A select with Chinese options for codes; `empty` adds a first "all" option.
export function select(id, table, value, empty) {
  return h("select", { id, name: id },
    empty ? h("option", { value: "" }, empty) : null,
    Object.entries(table).map(([code, text]) => h("option", { value: code, selected: code === value }, text)));
}
