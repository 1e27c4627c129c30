import type { Hono } from 'hono';

export interface TestBrowser {
  /**
   * Loads `url` and follows redirects as a browser would (a 303 turns a POST into a GET), sending and keeping
   * cookies per host, until a page that is not a redirect or a URL outside the backend and the IdP (the SPA).
   */
  visit(url: string, form?: Record<string, string>): Promise<{ url: string; response: Response | undefined }>;
  /** Every Set-Cookie header the backend sent, in order, to assert attributes on. */
  readonly backendSetCookies: string[];
  /** Drops a cookie, as if it had expired or another browser came back. */
  forget(host: string, name: string): void;
  cookie(host: string, name: string): string | undefined;
}

interface TestBrowserOptions {
  /** The backend's origin in redirect URLs; its requests go to `app.request`, no socket needed. */
  backendOrigin: string;
  app: Hono;
  /** The IdP's origin; its requests go over the network with fetch. */
  identityProviderOrigin: string;
}

const maxRedirects = 20;

/** Just enough of a browser to walk an OpenID Connect sign-in in a unit test: redirects and cookies. */
export function createTestBrowser({ backendOrigin, app, identityProviderOrigin }: TestBrowserOptions): TestBrowser {
  const jars = new Map<string, Map<string, string>>();
  const backendSetCookies: string[] = [];
  const jarFor = (host: string) => jars.get(host) ?? jars.set(host, new Map()).get(host) ?? new Map<string, string>();

  function keep(host: string, setCookies: string[]) {
    const jar = jarFor(host);
    for (const setCookie of setCookies) {
      const [pair = '', ...attributes] = setCookie.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
      if (expired) jar.delete(name);
      else jar.set(name, pair.slice(separator + 1).trim());
    }
  }

  async function load(url: URL, form: Record<string, string> | undefined): Promise<Response> {
    const cookies = [...jarFor(url.host)].map(([name, value]) => `${name}=${value}`).join('; ');
    const init: RequestInit = {
      method: form === undefined ? 'GET' : 'POST',
      redirect: 'manual',
      headers: {
        ...(cookies === '' ? {} : { Cookie: cookies }),
        ...(form === undefined ? {} : { 'Content-Type': 'application/x-www-form-urlencoded' }),
      },
      ...(form === undefined ? {} : { body: new URLSearchParams(form).toString() }),
    };
    const response = url.origin === backendOrigin ? await app.request(url.href, init) : await fetch(url, init);
    const setCookies = response.headers.getSetCookie();
    if (url.origin === backendOrigin) backendSetCookies.push(...setCookies);
    keep(url.host, setCookies);
    return response;
  }

  return {
    backendSetCookies,
    async visit(start, form) {
      let url = new URL(start);
      let body = form;
      for (let hop = 0; hop < maxRedirects; hop += 1) {
        if (url.origin !== backendOrigin && url.origin !== identityProviderOrigin) return { url: url.href, response: undefined };
        const response = await load(url, body);
        const location = response.headers.get('Location');
        if (response.status < 300 || response.status >= 400 || location === null) return { url: url.href, response };
        await response.body?.cancel();
        url = new URL(location, url);
        body = undefined;
      }
      throw new Error(`more than ${maxRedirects} redirects from ${start}`);
    },
    forget: (host, name) => void jarFor(host).delete(name),
    cookie: (host, name) => jarFor(host).get(name),
  };
}
