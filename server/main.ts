// `npm run token-server`: reads the environment, refuses to start with a list of every configuration problem
// (or an identity provider it cannot reach), then serves agent sign-in, POST /api/jwt and, when configured,
// Vonage's voice webhooks. It logs settings and outcomes, never tokens, secrets or keys.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createApp } from './app';
import { createAppDeps } from './app-deps';
import { discoverOidcSignIn, type OidcSignIn } from './auth/oidc-sign-in';
import { forwardedClientAddress } from './client-address';
import { systemClock } from './clock';
import { loadConfig } from './config';
import { createEchoSocket } from './contact-center/echo-socket';
import { escapeForLog } from './log-text';
import { consoleLogger as logger } from './logger';
import { signInLimitWindowMs } from './sign-in-limits';
import { defaultServerTimeouts, startServer } from './start-server';

// A git-ignored file for one-command runs; variables already set in the shell win over it.
const localEnvFile = path.join(import.meta.dirname, '.env.local');
if (existsSync(localEnvFile)) {
  process.loadEnvFile(localEnvFile);
  logger.info(`read settings from ${path.relative(process.cwd(), localEnvFile)}`);
}

const result = loadConfig(process.env);
if (!result.ok) {
  logger.error(`cannot start; fix the environment:\n${result.problems.map((problem) => `  - ${problem}`).join('\n')}`);
  process.exit(1);
}
const { config } = result;
const { auth } = config;

let oidcSignIn: OidcSignIn | undefined;
if (auth.mode === 'oidc') {
  oidcSignIn = await discoverOidcSignIn(auth).catch((error: unknown) => {
    // fetch says only "fetch failed"; the cause (ECONNREFUSED, ENOTFOUND, a certificate error) says why.
    const cause = error instanceof Error && error.cause instanceof Error ? `, ${'code' in error.cause ? String(error.cause.code) : error.cause.message}` : '';
    const reason = error instanceof Error ? `${error.name}: ${error.message}${cause}` : 'unknown error';
    logger.error(`cannot start: the identity provider ${auth.issuer} did not answer its discovery document (${escapeForLog(reason)}); check OIDC_ISSUER and that this machine can reach it.`);
    process.exit(1);
  });
}

const app = createApp(
  createAppDeps(config, { now: systemClock, logger, clientAddress: forwardedClientAddress(config.trustedProxies), oidcSignIn }),
);
// The sound check's echo server shares the port: Vonage reaches it at PUBLIC_BASE_URL/webhooks/echo.
const echoSocket = config.contactCenter === undefined ? undefined : createEchoSocket({ logger });
const upgradeHandlers = echoSocket === undefined ? [] : [echoSocket.handleUpgrade];
const server = await startServer(app, { ...config, upgradeHandlers }).catch((error: unknown) => {
  const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown error';
  logger.error(`cannot listen on ${config.host}:${config.port} (${code}); set PORT or HOST to change it.`);
  process.exit(1);
});

logger.info(
  `listening on ${server.url}: ${auth.mode === 'oidc' ? 'GET /auth/login, GET /auth/callback, GET and DELETE /api/session, ' : ''}POST /api/jwt, GET /healthz`,
);
if (auth.mode === 'oidc') {
  logger.info(
    `agents sign in at ${auth.issuer} as client ${auth.clientId} (scopes "${auth.scopes}", agent name from the ${auth.agentClaim} claim), ` +
      `come back to ${auth.redirectUri} and then ${auth.appUrl}; sessions last ${auth.sessionTtlSeconds} s, in this process's memory only`,
  );
  if (process.env.MOBILE_API_KEY !== undefined && process.env.MOBILE_API_KEY.trim() !== '') {
    logger.warn('MOBILE_API_KEY is set but not used: AUTH_MODE is oidc, so agents sign in at the identity provider');
  }
} else {
  logger.warn(
    'AUTH_MODE=mobile-api-key: NOT SAFE ON THE INTERNET. The key is compiled into the public SPA bundle, so anyone who loads ' +
      'the page can take a token for any agent. Use it for the demo and local tests only; set AUTH_MODE=oidc everywhere else.',
  );
}
logger.info(`application ${config.applicationId}, agents ${config.agents.join(', ')}, tokens live ${config.tokenTtlSeconds} s`);
logger.info(`Users API ${config.vonageApiUrl}, CORS origins ${config.corsOrigins.join(', ')}`);
const { failuresPerAddress, failuresPerAgent, tokensPerAgent } = config.signInLimits;
logger.info(
  `client addresses from ${config.trustedProxies.length === 0 ? 'the socket (no TRUSTED_PROXY)' : `X-Forwarded-For via ${config.trustedProxies.join(', ')}`}; ` +
    `per ${signInLimitWindowMs / 60_000} min: ${failuresPerAddress} failures per address, ${failuresPerAgent} per agent name, ${tokensPerAgent} tokens per agent; ` +
    `requests must arrive within ${defaultServerTimeouts.requestMs / 1000} s`,
);
if (config.contactCenter === undefined) {
  logger.info('voice webhooks off: set CONTACT_CENTER_NUMBER and PUBLIC_BASE_URL to serve them');
} else {
  const { contactCenterNumber, publicBaseUrl, inboundFlow, signatureSecret } = config.contactCenter;
  logger.info(
    `voice webhooks for +${contactCenterNumber} at ${publicBaseUrl}/webhooks/{answer,event,dtmf,echo}, inbound flow ${inboundFlow.kind}, ` +
      `signatures ${signatureSecret === undefined ? 'NOT checked' : 'required'}`,
  );
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info(`${signal}: closing`);
    // Echo calls are long-lived sockets that would otherwise keep close() waiting.
    echoSocket?.close();
    void server.close().finally(() => process.exit(0));
  });
}
