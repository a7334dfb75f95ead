/** Fetches our JSON API; a non-2xx answer becomes an Error with the server's message. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export async function apiFetch<T = unknown>(url: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(url, {
    ...init,
    headers: { "content-type": "application/json", accept: "application/json", ...init.headers },
    credentials: "same-origin",
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = body?.error ?? {};
    throw new ApiError(error.message ?? `Request failed (${response.status}).`, response.status, error.code ?? "HTTP_ERROR", error.details);
  }
  return body as T;
}
