/** The Vanban API, from the page. Errors carry the API's message (English, from the server) and its fields. */
export class ApiFailure extends Error {
  constructor(status, body) {
    super(body?.message ?? `Lỗi máy chủ (${status})`);
    this.status = status;
    this.body = body;
  }
}

export async function getJson(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  const url = query.size ? `${path}?${query}` : path;
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiFailure(response.status, body);
  return body;
}

export async function postForm(path, form, headers = {}) {
  const response = await fetch(path, { method: 'POST', body: form, headers });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiFailure(response.status, body);
  return body;
}

let vocabulary;
/** Vietnamese labels for codes (relations, levels, statuses), fetched once. */
export const labels = () => (vocabulary ??= getJson('/api/vocabulary'));
