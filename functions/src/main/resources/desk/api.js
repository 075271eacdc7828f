// The editors' routes, called with the signed-in editor's bearer token. Every answer is
// {status, etag, body}; problems (RFC 9457) become ApiError, except the statuses a caller asks to see.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && problem.detail ? problem.detail : 'The API answered ' + status + '.');
    this.status = status;
    this.problem = problem;
  }
}

export function api(baseUrl, token, onUnauthorized) {
  async function call(method, path, { body, etag, contentType = 'application/json', expect = [] } = {}) {
    const headers = { Authorization: 'Bearer ' + token, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = contentType;
    if (etag) headers['If-Match'] = etag;
    const response = await fetch(baseUrl + path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store',
    });
    const text = await response.text();
    let json = null;
    if (text) {
      try { json = JSON.parse(text); } catch { json = null; }
    }
    if (response.status === 401) onUnauthorized();
    if (!response.ok && !expect.includes(response.status)) throw new ApiError(response.status, json);
    return { status: response.status, etag: response.headers.get('ETag'), body: json };
  }
  const id = value => encodeURIComponent(value);
  return {
    list: ({ status, q, cursor, limit = 20 }) => {
      const query = new URLSearchParams({ limit: String(limit) });
      if (status) query.set('status', status);
      if (q) query.set('q', q);
      if (cursor) query.set('cursor', cursor);
      return call('GET', '/desk/articles?' + query);
    },
    get: articleId => call('GET', '/desk/articles/' + id(articleId)),
    create: input => call('POST', '/articles', { body: input }),
    patch: (articleId, etag, patch) => call('PATCH', '/articles/' + id(articleId),
      { body: patch, etag, contentType: 'application/merge-patch+json', expect: [412] }),
    publish: (articleId, etag) => call('POST', '/articles/' + id(articleId) + '/publish', { etag, expect: [412] }),
    unpublish: (articleId, etag) => call('POST', '/articles/' + id(articleId) + '/unpublish', { etag, expect: [412] }),
    remove: (articleId, etag) => call('DELETE', '/articles/' + id(articleId), { etag, expect: [412] }),
    revisions: articleId => call('GET', '/desk/articles/' + id(articleId) + '/revisions?limit=50'),
    restore: (articleId, version, etag) => call('POST', '/desk/articles/' + id(articleId) + '/revisions/' + version + '/restore',
      { etag, expect: [412] }),
    preview: articleId => call('POST', '/desk/articles/' + id(articleId) + '/preview', { body: {} }),
  };
}
