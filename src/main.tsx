import { lazy, StrictMode, Suspense, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { ConfigProblems } from './app/config-problems';
import { SoftphoneProvider } from './store/softphone-provider';
import { parseAppConfig, type AppConfig } from './config/app-config';
import { requestToken } from './features/auth/token-client';
import { endBackendSession, organizationEndpoints } from './features/auth/organization-sign-in';
import { continueOrganizationSignIn } from './features/auth/continue-organization-sign-in';
import { OrganizationSignInForm } from './features/auth/organization-sign-in-form';
import { createSoftphoneStore } from './store/softphone-store';
import type { VoiceEndpoints } from './voice/voice-adapter';
import { loadVoiceAdapter, preloadVoiceSdk } from './voice/load-voice-adapter';
import { checkMicrophone } from './voice/microphone-check';
import { warnBeforeLeavingDuringCalls } from './app/leave-warning';
import { tabRecoveryStorage } from './app/tab-recovery-storage';
import { agentPreferencesStorage } from './app/agent-preferences-storage';
import { playAutoAnswerTone } from './app/auto-answer-tone';
import { retryingImport } from './lib/retrying-import';
import './index.css';

/** This browser's localStorage; undefined where the browser's settings forbid it. */
function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** This tab's sessionStorage; undefined where the browser's settings forbid it. */
function tabStorage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

// `import.meta.env.VITE_SOFTPHONE_MODE` is replaced at build time, so in a live build this is `false` and
// the bundler drops MSW, the fake cloud and the simulator altogether.
const demoBuild = import.meta.env.VITE_SOFTPHONE_MODE === 'demo';

function start(config: AppConfig) {
  // Live builds sign agents in with the organisation by default (demo builds drop this code: `demoBuild` is a build-time constant).
  const organization = !demoBuild && config.auth.kind === 'organization' ? organizationEndpoints(config.tokenUrl) : undefined;
  const backendOptions = { timeoutMs: config.tokenTimeoutMs };
  const demoBackend = demoBuild ? import('./demo/start-demo-backend').then((demo) => demo.startDemoBackend(config)) : undefined;
  const endpoints: Promise<VoiceEndpoints> = demoBackend
    ? demoBackend.then((demo) => demo.endpoints)
    : Promise.resolve(config.mode === 'live' ? config.vonage : {});

  const store = createSoftphoneStore({
    async loadAdapter() {
      const adapter = await loadVoiceAdapter({ endpoints: await endpoints, rtcStatsTelemetry: config.mode === 'live' });
      demoBackend?.then((demo) => demo.setAgentMediaProbe((callId) => adapter.mediaReport(callId)));
      // Call details (its own store and chunk) follows every call's conversation through the same adapter.
      await retryingImport(() => import('./call-details/app-call-details'))
        .then((details) => details.connectCallDetails(adapter))
        .catch((error: unknown) => console.warn('Call details are unavailable', error));
      return adapter;
    },
    async requestToken(userName) {
      await endpoints;
      return requestToken(userName, { tokenUrl: config.tokenUrl, auth: config.auth, timeoutMs: config.tokenTimeoutMs });
    },
    ...(organization ? { endBackendSession: () => endBackendSession(organization.sessionUrl, backendOptions) } : {}),
    async parseDialInput(input) {
      const { parseDialInput } = await import('./lib/dial-target');
      return parseDialInput(input, config.defaultCountry);
    },
    checkMicrophone: () => checkMicrophone(),
    now: Date.now,
    random: Math.random,
    onNetworkOnline(callback) {
      window.addEventListener('online', callback);
      return () => window.removeEventListener('online', callback);
    },
    setTimer(callback, delayMs) {
      const timer = setTimeout(callback, delayMs);
      return () => clearTimeout(timer);
    },
    recoveryStorage: tabRecoveryStorage(tabStorage()),
    preferencesStorage: agentPreferencesStorage(browserStorage()),
    playAutoAnswerTone,
    async transferCall(request) {
      const { createTransferClient } = await import('./features/calls/transfer-client');
      return createTransferClient({ tokenUrl: config.tokenUrl, timeoutMs: config.tokenTimeoutMs })(request);
    },
  });
  // A reload during a shift (or a call) signs the agent back in and takes back the connected calls.
  const resuming = store.actions.resumeAfterReload();
  // Back from the organisation's sign-in (or reloaded while signed in there): on to the voice service by itself.
  if (organization) void resuming.then(() => continueOrganizationSignIn(store, organization, backendOptions));
  warnBeforeLeavingDuringCalls(store);
  // Ended calls go to the agent's call history (IndexedDB): its own chunk, started before any call can end.
  void retryingImport(() => import('./history/app-call-history'))
    .then(({ startCallHistory }) => startCallHistory(store))
    .catch((error: unknown) => console.warn('Call history is unavailable', error));

  // Fetch the SDK and the signed-in screen while the agent is still typing their name.
  const preload = () => {
    void endpoints.then(preloadVoiceSdk).catch(() => undefined);
    void import('./app/agent-workspace').catch(() => undefined);
  };

  let sidePanel: ReactNode;
  if (demoBuild && demoBackend) {
    const DemoSimulator = lazy(async () => {
      const [panel, demo] = await Promise.all([import('./demo/simulator/demo-simulator'), demoBackend]);
      return { default: () => <panel.default cloud={demo.control} /> };
    });
    sidePanel = (
      <Suspense fallback={null}>
        <DemoSimulator />
      </Suspense>
    );
  }

  return (
    <SoftphoneProvider store={store}>
      <App
        onSignInIntent={preload}
        sidePanel={sidePanel}
        signInScreen={organization && <OrganizationSignInForm signInUrl={organization.signInUrl} onIntent={preload} />}
      />
    </SoftphoneProvider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const parsed = parseAppConfig(import.meta.env);
createRoot(root).render(<StrictMode>{parsed.ok ? start(parsed.config) : <ConfigProblems problems={parsed.problems} />}</StrictMode>);
