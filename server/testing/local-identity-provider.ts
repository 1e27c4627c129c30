import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration, type InteractionResults } from 'oidc-provider';
import { createInMemoryOidcAdapter } from './in-memory-oidc-adapter';

export interface LocalIdentityProviderOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  clients: Array<{ client_id: string; client_secret: string; redirect_uris: string[] }>;
  /** Usernames that can sign in; each is the account's `sub` and `preferred_username`. */
  accounts: string[];
}

export interface LocalIdentityProvider {
  /** e.g. http://127.0.0.1:41234 */
  issuer: string;
  close(): Promise<void>;
}

const interactionPath = /^\/interaction\/([\w-]+)$/;

/**
 * A real OpenID Connect provider (oidc-provider) on 127.0.0.1 for tests and the live e2e project, with its own
 * plain sign-in page instead of the library's development pages, so tests click what an agent would click:
 * a Username box, Sign in and Cancel. Consent is given automatically, as a company's own IdP does for its own apps.
 */
export async function startLocalIdentityProvider(options: LocalIdentityProviderOptions): Promise<LocalIdentityProvider> {
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  const server = createServer((req, res) => handle(req, res));
  // The issuer must name the port, so the server listens first and learns its handler afterwards.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, providerConfiguration(options));
  const providerCallback = provider.callback();
  handle = (req, res) => {
    const uid = interactionPath.exec(new URL(req.url ?? '/', issuer).pathname)?.[1];
    if (uid === undefined) {
      providerCallback(req, res);
      return;
    }
    serveInteraction(provider, new Set(options.accounts), req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`The sign-in could not continue: ${error instanceof Error ? error.message : 'unknown error'}`);
    });
  };

  return {
    issuer,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        // Browsers and fetch keep connections alive; without this close() would wait for them to time out.
        server.closeAllConnections();
      }),
  };
}

function providerConfiguration({ clients, accounts }: LocalIdentityProviderOptions): Configuration {
  const known = new Set(accounts);
  // Fresh keys per run: nothing signed by a test provider is worth keeping, and none is committed.
  const signingKey = { ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'local-test-key' };
  return {
    adapter: createInMemoryOidcAdapter(),
    clients: clients.map((client) => ({ ...client, grant_types: ['authorization_code'], response_types: ['code'] })),
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: { openid: ['sub'], profile: ['preferred_username', 'name'] },
    findAccount: (_ctx, accountId) =>
      known.has(accountId) ? { accountId, claims: () => ({ sub: accountId, preferred_username: accountId, name: accountId }) } : undefined,
    features: { devInteractions: { enabled: false } },
    // Short, fixed lifetimes: a test sign-in lasts seconds, and the library asks for explicit values.
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  };
}

async function serveInteraction(provider: Provider, accounts: ReadonlySet<string>, req: IncomingMessage, res: ServerResponse) {
  const details = await provider.interactionDetails(req, res);

  if (details.prompt.name === 'consent') {
    // Grant what the client asked for; a first-party IdP does not ask its employees to consent to their own tools.
    const grant = details.grantId === undefined
      ? new provider.Grant({ accountId: details.session?.accountId, clientId: String(details.params.client_id) })
      : await provider.Grant.find(details.grantId);
    if (grant === undefined) throw new Error('the grant to extend is gone');
    const missing = details.prompt.details;
    if (Array.isArray(missing.missingOIDCScope)) grant.addOIDCScope(missing.missingOIDCScope.map(String));
    if (Array.isArray(missing.missingOIDCClaims)) grant.addOIDCClaims(missing.missingOIDCClaims.map(String));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    return;
  }

  if (req.method === 'GET') {
    sendLoginPage(res, details.uid);
    return;
  }
  if (req.method !== 'POST') {
    res.writeHead(405, { Allow: 'GET, POST' }).end();
    return;
  }

  const form = new URLSearchParams(await readBody(req));
  if (form.get('action') === 'cancel') {
    const cancelled: InteractionResults = { error: 'access_denied', error_description: 'The user cancelled the sign-in.' };
    await provider.interactionFinished(req, res, cancelled, { mergeWithLastSubmission: false });
    return;
  }
  const username = (form.get('username') ?? '').trim();
  if (!accounts.has(username)) {
    sendLoginPage(res, details.uid, 'No such account');
    return;
  }
  await provider.interactionFinished(req, res, { login: { accountId: username } }, { mergeWithLastSubmission: false });
}

function sendLoginPage(res: ServerResponse, uid: string, error?: string) {
  const alert = error === undefined ? '' : `<p role="alert">${escapeHtml(error)}</p>`;
  const page = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Sign in to Example Org</title></head>
<body>
<main>
<h1>Sign in to Example Org</h1>
${alert}
<form method="post" action="/interaction/${escapeHtml(uid)}">
<label for="username">Username</label>
<input id="username" name="username" type="text" autocomplete="username" autofocus>
<button type="submit" name="action" value="sign-in">Sign in</button>
<button type="submit" name="action" value="cancel">Cancel</button>
</form>
</main>
</body>
</html>`;
  res.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  });
  res.end(page);
}

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > 10_000) throw new Error('the form is too large');
  }
  return body;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
