// The live project's servers listen on fixed ports, because the production build has the backend's and the
// Vonage cloud's addresses compiled in (as a real deployment does). E2E_LIVE_PORT moves all four.
const base = Number(process.env.E2E_LIVE_PORT ?? 5870);

export function livePorts() {
  return { app: base, backend: base + 1, emulator: base + 2, identityProvider: base + 3 };
}

export function liveUrls() {
  const ports = livePorts();
  const emulator = `http://127.0.0.1:${ports.emulator}`;
  return {
    /** The production build, served as static files. */
    app: `http://127.0.0.1:${ports.app}`,
    backend: `http://127.0.0.1:${ports.backend}`,
    emulator,
    /** Where the SDK's REST calls go (VITE_VONAGE_API_URL); the backend's Users API is at the emulator's root. */
    emulatorApi: `${emulator}/fake-vonage/api`,
    /** The SDK's socket host (VITE_VONAGE_WEBSOCKET_URL), origin only: the SDK's own path, /v2/rtc, as with Vonage. */
    emulatorWebsocket: emulator,
  };
}
