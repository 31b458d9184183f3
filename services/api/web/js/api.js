/**
 * A failed API request. `message` says in Vietnamese what went wrong, for staff; the API's own
 * message (English, with the details) is kept in `detail`, and its body (fields, candidates) in `body`.
 */
export class ApiFailure extends Error {
  constructor(status, body) {
    super(vietnamese(status, body));
    this.status = status;
    this.body = body;
    this.detail = body?.message ?? null;
    /** The query parameter a 400 names ("querystring.year" → "year"), or ''. */
    this.parameter = String(body?.field ?? '').replace(/^querystring\./, '');
  }
}

const megabytes = (bytes) => `${(bytes / 1_048_576).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;

function vietnamese(status, body) {
  const field = body?.field ? ` (${body.field})` : '';
  if (status === 400) return `Yêu cầu không hợp lệ${field}.`;
  if (status === 401) return 'Cần khóa API hợp lệ.';
  if (status === 404) return 'Không tìm thấy văn bản hoặc trang được hỏi.';
  if (status === 413 && body?.file) return `Tệp "${body.file}" lớn hơn giới hạn ${megabytes(body.limit)}; chưa nhập tệp nào của lần tải lên này.`;
  if (status === 413 && body?.field === 'body.files' && body?.limit) return `Quá ${body.limit} tệp trong một lần tải lên; chưa nhập tệp nào — xin chia thành nhiều lần.`;
  if (status === 413) return 'Tệp hoặc văn bản gửi lên quá lớn.';
  if (status === 415) return 'Dữ liệu gửi lên không đúng định dạng.';
  if (status === 429) return 'Có quá nhiều yêu cầu trong một phút; xin thử lại sau ít phút.';
  return `Máy chủ gặp lỗi (${status}${body?.requestId ? `, mã yêu cầu ${body.requestId}` : ''}).`;
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
/** Vietnamese labels for codes (relations, levels, statuses), fetched once; a failed fetch is tried again next time. */
export const labels = () =>
  (vocabulary ??= getJson('/api/vocabulary').catch((error) => {
    vocabulary = undefined;
    throw error;
  }));
