// `npm run token-server`: reads the environment, refuses to start with a list of every configuration problem,
// then serves POST /api/jwt and, when configured, Vonage's voice webhooks. It logs settings and outcomes, never tokens or keys.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createApp } from './app';
import { createAppDeps } from './app-deps';
import { forwardedClientAddress } from './client-address';
import { systemClock } from './clock';
import { loadConfig } from './config';
import { createEchoSocket } from './contact-center/echo-socket';
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

const app = createApp(createAppDeps(config, { now: systemClock, logger, clientAddress: forwardedClientAddress(config.trustedProxies) }));
// The sound check's echo server shares the port: Vonage reaches it at PUBLIC_BASE_URL/webhooks/echo.
const echoSocket = config.contactCenter === undefined ? undefined : createEchoSocket({ logger });
const upgradeHandlers = echoSocket === undefined ? [] : [echoSocket.handleUpgrade];
const server = await startServer(app, { ...config, upgradeHandlers }).catch((error: unknown) => {
  const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown error';
  logger.error(`cannot listen on ${config.host}:${config.port} (${code}); set PORT or HOST to change it.`);
  process.exit(1);
});

logger.info(`listening on ${server.url}: POST /api/jwt, GET /healthz`);
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
