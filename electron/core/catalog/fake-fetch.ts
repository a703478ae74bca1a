// A stand-in for the network in unit tests: routes by path (and query), records calls.
export interface FakeCall {
  url: URL;
  headers: Record<string, string>;
}

export type FakeRoute = (url: URL) => { status?: number; body: unknown; headers?: Record<string, string> };

export function fakeFetch(routes: Record<string, FakeRoute>): { fetch: typeof fetch; calls: FakeCall[] } {
  const calls: FakeCall[] = [];
  const impl = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    calls.push({ url, headers: Object.fromEntries(new Headers(init?.headers).entries()) });
    // Longest matching prefix of origin+path wins, so "/models" and "/model/list" don't collide.
    const key = Object.keys(routes)
      .filter((k) => `${url.origin}${url.pathname}` === k || `${url.origin}${url.pathname}`.endsWith(k))
      .sort((a, b) => b.length - a.length)[0];
    if (!key) return new Response(JSON.stringify({ error: { message: 'not found', type: 'not_found_error' } }), { status: 404 });
    const r = routes[key]!(url);
    return new Response(typeof r.body === 'string' ? r.body : JSON.stringify(r.body), {
      status: r.status ?? 200,
      headers: { 'content-type': 'application/json', ...(r.headers ?? {}) },
    });
  };
  return { fetch: impl as typeof fetch, calls };
}
