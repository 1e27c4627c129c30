import { createAgentDirectory } from './agent-directory';
import type { AppDeps, AuthDeps } from './app';
import { createAgentSessions } from './auth/agent-sessions';
import type { AuthConfig } from './auth/auth-config';
import type { OidcSignIn } from './auth/oidc-sign-in';
import { createSignInTransactions } from './auth/sign-in-transactions';
import type { ClientAddress } from './client-address';
import type { Clock } from './clock';
import type { TokenServerConfig } from './config';
import type { ContactCenterConfig } from './contact-center/contact-center-config';
import type { ContactCenterDeps } from './contact-center/create-contact-center';
import { Voice } from '@vonage/voice';
import { agentTokenVerifier } from './calls/agent-token';
import type { TransferDeps } from './calls/transfer-handler';
import { vonageVoiceCalls } from './calls/voice-calls';
import { createJwtSigner } from './jwt-signer';
import type { Logger } from './logger';
import { createBurstLog } from './burst-log';
import { createSignInLimiters } from './sign-in-limits';
import { createVonageUsers } from './vonage-users';

interface Runtime {
  now: Clock;
  logger: Logger;
  clientAddress: ClientAddress;
  /** The IdP, discovered before the app is built (discoverOidcSignIn); required when AUTH_MODE is oidc. */
  oidcSignIn?: OidcSignIn;
}

const usersApiTokenLifetimeSeconds = 5 * 60;

/** Wires the configuration into the app's parts; main.ts and the tests share it, so the wiring is tested. */
export function createAppDeps(config: TokenServerConfig, runtime: Runtime): AppDeps {
  const { now, logger, clientAddress } = runtime;
  const signer = createJwtSigner({ applicationId: config.applicationId, privateKey: config.privateKey, now });
  return {
    auth: authDeps(config.auth, runtime),
    agents: createAgentDirectory(config.agents),
    tokenTtlSeconds: config.tokenTtlSeconds,
    corsOrigins: config.corsOrigins,
    signer,
    users: createVonageUsers({
      apiUrl: config.vonageApiUrl,
      applicationToken: async () => (await signer.signApplicationToken(usersApiTokenLifetimeSeconds)).jwt,
    }),
    limits: createSignInLimiters(config.signInLimits, now),
    clientErrors: createBurstLog({ logger, now }),
    clientAddress,
    logger,
    ...(config.contactCenter === undefined
      ? {}
      : {
          contactCenter: contactCenterDeps(config.contactCenter, runtime),
          transfer: transferDeps(config, config.contactCenter.contactCenterNumber, runtime),
        }),
  };
}

function authDeps(auth: AuthConfig, { now, oidcSignIn }: Runtime): AuthDeps {
  if (auth.mode === 'mobile-api-key') return { mode: 'mobile-api-key', mobileApiKey: auth.mobileApiKey };
  if (oidcSignIn === undefined) throw new Error('AUTH_MODE=oidc needs the discovered identity provider (discoverOidcSignIn) to build the app');
  return {
    mode: 'oidc',
    signIn: oidcSignIn,
    transactions: createSignInTransactions(now),
    sessions: createAgentSessions(auth.sessionTtlSeconds, now),
    sessionTtlSeconds: auth.sessionTtlSeconds,
    appUrl: auth.appUrl,
    agentClaim: auth.agentClaim,
  };
}

/** Transfers go through Vonage's Voice API, authenticated as the application (its own short-lived JWTs). */
function transferDeps(config: TokenServerConfig, contactCenterNumber: string, { logger }: Runtime): TransferDeps {
  const privateKey = config.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const voice = new Voice({ applicationId: config.applicationId, privateKey }, { apiHost: config.vonageApiUrl });
  return {
    verifyAgentToken: agentTokenVerifier(config.privateKey, config.applicationId),
    calls: vonageVoiceCalls(voice),
    agents: createAgentDirectory(config.agents),
    contactCenterNumber,
    logger,
  };
}

function contactCenterDeps(config: ContactCenterConfig, { now, logger }: Runtime): ContactCenterDeps {
  const { inboundFlow, ...settings } = config;
  // Fixed for the life of this process; the emulator passes a function that reads its own run-time setting.
  return { ...settings, inboundFlow: () => inboundFlow, logger, now };
}
