// Every call of the console goes through the same /v1 API as any client, with the signed-in token.
// The token lives in sessionStorage only: gone when the browser tab closes, never in a URL or a log.

const KEY = "jobmatch.token";

export function token() {
  return sessionStorage.getItem(KEY);
}

export function signIn(value) {
  sessionStorage.setItem(KEY, value.trim());
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}

/// An answer other than 2xx: the status and the RFC 9457 problem details when there are any.
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }
}

/// Calls the API; resolves to the JSON answer (or null for 204), rejects with ApiError or a network error.
export async function api(method, path, body) {
  const headers = { Accept: "application/json" };
  const t = token();
  if (t) headers.Authorization = `Bearer ${t}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "omit", cache: "no-store", referrerPolicy: "no-referrer",
    });
  } catch (error) {
    throw new ApiError(0, { detail: "network" });
  }
  if (response.status === 204) return null;
  const type = response.headers.get("Content-Type") ?? "";
  const json = type.includes("json") ? await response.json().catch(() => null) : null;
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

/// A query string from an object, leaving out empty values; arrays repeat the key.
export function query(params) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    for (const v of Array.isArray(value) ? value : [value]) q.append(key, String(v));
  }
  const text = q.toString();
  return text ? `?${text}` : "";
}

const jobs = new Map();

/// A posting, fetched once per page load.
export function job(id) {
  if (!jobs.has(id)) {
    const pending = api("GET", `/v1/jobs/${encodeURIComponent(id)}`);
    pending.catch(() => jobs.delete(id));
    jobs.set(id, pending);
  }
  return jobs.get(id);
}
