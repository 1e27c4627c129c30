import { lazy, StrictMode, Suspense, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { SoftphoneProvider } from './store/softphone-provider';
import type { AppConfig } from './config/app-config';
import { buildTimeConfig } from './app/build-time-config';
import { loadOrganizationSignInFlow } from './app/organization-sign-in-flow';
import { OrganizationSignInScreen } from './app/organization-sign-in-screen';
import { createSoftphoneStore } from './store/softphone-store';
import type { VoiceEndpoints } from './voice/voice-adapter';
import { loadVoiceAdapter, preloadVoiceSdk } from './voice/load-voice-adapter';
import { preloadVoiceSdkChunkAfterPaint } from './app/preload-voice-sdk-chunk';
import { createMicrophoneReadiness } from './voice/microphone-readiness';
import { warnBeforeLeavingDuringCalls } from './app/leave-warning';
import { tabRecoveryStorage } from './app/tab-recovery-storage';
import { agentPreferencesStorage } from './app/agent-preferences-storage';
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
  const organization = !demoBuild && config.auth.kind === 'organization' ? loadOrganizationSignInFlow(config.tokenUrl) : undefined;
  const backendOptions = { timeoutMs: config.tokenTimeoutMs };
  const demoBackend = demoBuild ? import('./demo/start-demo-backend').then((demo) => demo.startDemoBackend(config)) : undefined;
  const endpoints: Promise<VoiceEndpoints> = demoBackend
    ? demoBackend.then((demo) => demo.endpoints)
    : Promise.resolve(config.mode === 'live' ? config.vonage : {});

  // The token client (and the response validator, zod) is not needed to show the sign-in form: fetched on intent.
  const loadTokenClient = () => import('./features/auth/token-client');
  const microphone = createMicrophoneReadiness(navigator.permissions, navigator.mediaDevices);
  const store = createSoftphoneStore({
    async loadAdapter() {
      // Call details (its own store and chunk) follows every call's conversation through the same adapter: its
      // chunk is fetched beside the SDK's, so connecting it adds no wait of its own to the sign-in.
      const callDetails = retryingImport(() => import('./call-details/app-call-details'));
      callDetails.catch(() => undefined);
      const adapter = await loadVoiceAdapter({ endpoints: await endpoints, rtcStatsTelemetry: config.mode === 'live' });
      demoBackend?.then((demo) => demo.setAgentMediaProbe((callId) => adapter.mediaReport(callId)));
      await callDetails
        .then((details) => details.connectCallDetails(adapter))
        .catch((error: unknown) => console.warn('Call details are unavailable', error));
      return adapter;
    },
    async requestToken(userName) {
      const [{ requestToken }] = await Promise.all([retryingImport(loadTokenClient), endpoints]);
      return requestToken(userName, { tokenUrl: config.tokenUrl, auth: config.auth, timeoutMs: config.tokenTimeoutMs });
    },
    ...(organization ? { endBackendSession: async () => (await organization).endBackendSession(backendOptions) } : {}),
    async parseDialInput(input) {
      const { parseDialInput } = await import('./lib/dial-target');
      return parseDialInput(input, config.defaultCountry);
    },
    checkMicrophone: microphone.check,
    microphoneKnownWorking: microphone.knownWorking,
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
    // Not needed before the first auto-answered call: its own small chunk, fetched on sign-in intent.
    playAutoAnswerTone: () => void import('./app/auto-answer-tone').then((tone) => tone.playAutoAnswerTone()),
    async transferCall(request) {
      const { createTransferClient } = await import('./features/calls/transfer-client');
      return createTransferClient({ tokenUrl: config.tokenUrl, timeoutMs: config.tokenTimeoutMs })(request);
    },
  });
  // A reload during a shift (or a call) signs the agent back in and takes back the connected calls.
  const resuming = store.actions.resumeAfterReload();
  // Back from the organisation's sign-in (or reloaded while signed in there): on to the voice service by itself.
  if (organization) {
    void Promise.all([organization, resuming])
      .then(([flow]) => flow.continueSignIn(store, backendOptions))
      .catch((error: unknown) => console.warn('Organisation sign-in is unavailable', error));
  }
  warnBeforeLeavingDuringCalls(store);
  // Ended calls go to the agent's call history (IndexedDB): its own chunk, started before any call can end.
  void retryingImport(() => import('./history/app-call-history'))
    .then(({ startCallHistory }) => startCallHistory(store))
    .catch((error: unknown) => console.warn('Call history is unavailable', error));

  // The cloud inside the page (the static demo) must be listening before the SDK's module is evaluated (engine.io
  // takes `WebSocket` at import); against the emulator or Vonage the SDK can be evaluated at once.
  const sdkWaitsForTheCloud = demoBuild && import.meta.env.VITE_DEMO_CLOUD !== 'emulator';
  // Evaluate the SDK (modulepreloaded once the form was painted: preload-voice-sdk-chunk.ts) and fetch the signed-in screen while
  // the agent is still typing their name.
  // The token client first, and the SDK's evaluation (a few hundred ms of the main thread on a slow machine) once it
  // is in: an agent who clicks Sign in at once has the token request on its way while the SDK evaluates.
  const preload = () => {
    const tokenClient = loadTokenClient();
    void tokenClient
      .catch(() => undefined)
      .then(() => (sdkWaitsForTheCloud ? endpoints.then(preloadVoiceSdk) : preloadVoiceSdk()))
      .catch(() => undefined);
    void import('./app/agent-workspace').catch(() => undefined);
    void import('./app/auto-answer-tone').catch(() => undefined);
    // What the store does with calls (and the microphone check): its own chunk, needed from the sign-in on.
    void import('./store/call-machinery').catch(() => undefined);
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
        signInScreen={
          organization && (
            <Suspense fallback={null}>
              <OrganizationSignInScreen flow={organization} onIntent={preload} />
            </Suspense>
          )
        }
      />
    </SoftphoneProvider>
  );
}

/** Shown instead of the softphone for a build whose configuration is unusable: its own chunk. */
function configProblems(problems: string[]) {
  const ConfigProblems = lazy(() => import('./app/config-problems').then((module) => ({ default: module.ConfigProblems })));
  return (
    <Suspense fallback={null}>
      <ConfigProblems problems={problems} />
    </Suspense>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>{buildTimeConfig.ok ? start(buildTimeConfig.config) : configProblems(buildTimeConfig.problems)}</StrictMode>,
);
// The SDK's chunk is fetched and compiled once the sign-in form is on screen, while the agent types.
preloadVoiceSdkChunkAfterPaint();
