// Live mode end to end, on one machine: the production build of the SPA, the real backend (server/) with
// agent sign-in through a real OpenID provider (oidc-provider), and the emulator standing in for the Vonage
// cloud, checking the backend's RS256 tokens as Vonage does. Nothing here is a mock of a protocol.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { startStandaloneEmulator } from '../../../emulator/standalone-server';
import { createApp } from '../../../server/app';
import { createAppDeps } from '../../../server/app-deps';
import { discoverOidcSignIn } from '../../../server/auth/oidc-sign-in';
import { forwardedClientAddress } from '../../../server/client-address';
import { loadConfig } from '../../../server/config';
import type { Logger } from '../../../server/logger';
import { startServer, type RunningServer } from '../../../server/start-server';
import { startLocalIdentityProvider } from '../../../server/testing/local-identity-provider';
import { emulatorControlClient } from '../../../src/fake-cloud/control-http-client';
import type { FakeVonageControl } from '../../../src/fake-cloud/control-api';
import { livePorts, liveUrls } from './live-ports';

/** Short enough that a scenario sees the softphone renew its token (at ¾ of it: 24 s) and live through it. */
export const liveTokenLifetimeSeconds = 32;

/** Accounts at the identity provider: the two agents, and someone who is not one. */
export const identityProviderAccounts = ['Jane', 'Joe', 'Mallory'];

export interface LiveStack {
  /** The emulator's control API (ring an agent, read calls and sessions). */
  cloud: FakeVonageControl;
  backend: LiveBackend;
  close(): Promise<void>;
}

export interface LiveBackend {
  url: string;
  /** The backend stops answering (its listener closes; its sessions stay in memory), as in an outage. */
  goDown(): Promise<void>;
  comeBack(): Promise<void>;
  /** How many Vonage tokens the backend has issued to this agent since the stack started. */
  tokensIssuedTo(agent: string): number;
}

/** Starts the identity provider, the emulator and the backend on this worker's ports. */
export async function startLiveStack(): Promise<LiveStack> {
  const urls = liveUrls();
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const applicationId = randomUUID();
  const clientSecret = randomUUID();

  const identityProvider = await startLocalIdentityProvider({
    port: livePorts().identityProvider,
    clients: [{ client_id: 'softphone-backend', client_secret: clientSecret, redirect_uris: [`${urls.backend}/auth/callback`] }],
    accounts: identityProviderAccounts,
  });
  const emulator = await startStandaloneEmulator({ port: livePorts().emulator, vonageApplication: { applicationId, publicKey } });

  const loaded = loadConfig({
    VONAGE_APPLICATION_ID: applicationId,
    VONAGE_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    AGENTS: 'Jane,Joe',
    PORT: String(livePorts().backend),
    HOST: '127.0.0.1',
    CORS_ORIGIN: urls.app,
    VONAGE_API_URL: urls.emulator,
    OIDC_ISSUER: identityProvider.issuer,
    OIDC_CLIENT_ID: 'softphone-backend',
    OIDC_CLIENT_SECRET: clientSecret,
    OIDC_REDIRECT_URI: `${urls.backend}/auth/callback`,
    APP_URL: `${urls.app}/`,
  });
  if (!loaded.ok) throw new Error(`The live backend's configuration is wrong:\n${loaded.problems.join('\n')}`);
  // Below the 60 s a deployment may configure: only a test wants to watch a renewal this soon.
  const config = { ...loaded.config, tokenTtlSeconds: liveTokenLifetimeSeconds };
  const issued = new Map<string, number>();
  const logger: Logger = {
    info(message) {
      const agent = /^issued a token for (\S+)/.exec(message)?.[1];
      if (agent !== undefined) issued.set(agent, (issued.get(agent) ?? 0) + 1);
    },
    warn: () => undefined,
    error: (message) => console.error(`[live backend] ${message}`),
  };
  const oidcSignIn = config.auth.mode === 'oidc' ? await discoverOidcSignIn(config.auth) : undefined;
  const app = createApp(createAppDeps(config, { now: Date.now, logger, clientAddress: forwardedClientAddress([]), oidcSignIn }));
  const listen = () => startServer(app, { port: config.port, host: config.host });
  let backendServer: RunningServer | undefined = await listen();

  return {
    cloud: emulatorControlClient(urls.emulator),
    backend: {
      url: urls.backend,
      async goDown() {
        await backendServer?.close();
        backendServer = undefined;
      },
      async comeBack() {
        backendServer ??= await listen();
      },
      tokensIssuedTo: (agent) => issued.get(agent) ?? 0,
    },
    async close() {
      await backendServer?.close();
      await emulator.close();
      await identityProvider.close();
    },
  };
}
