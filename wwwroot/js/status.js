// Status messages and problem-details text shared by the pages that call the API.

// Shows `text` in the alert element `box` with Bootstrap's alert `kind` (info, danger, warning...).
export function showStatus(box, kind, text) {
  box.className = `alert alert-${kind}`;
  box.textContent = text;
  box.hidden = false;
}

// The most useful line of an RFC 7807 answer, or the status code when the body is not problem details.
export async function problemText(response) {
  try {
    const problem = await response.json();
    return problem.detail || problem.title || `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}
