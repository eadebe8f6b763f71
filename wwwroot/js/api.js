// The pages' one API client: fetch() for cookie-authenticated calls, with the antiforgery token from the layout's meta
// tag.
const token = () => document.querySelector('meta[name="request-verification-token"]')?.content ?? '';

export function postForm(url, formData, init = {}) {
  return fetch(url, {
    method: 'POST',
    body: formData,
    credentials: 'same-origin',
    ...init,
    headers: { RequestVerificationToken: token(), ...(init.headers ?? {}) },
  });
}

export function sendJson(url, method, body) {
  return fetch(url, {
    method,
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', RequestVerificationToken: token() },
    body: JSON.stringify(body),
  });
}
