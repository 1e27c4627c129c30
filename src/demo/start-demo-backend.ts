// Demo and test builds only: the token backend and the fake Vonage cloud. main.tsx imports this behind a
// compile-time check, so a production build contains none of it.
import type { AppConfig } from '@/config/app-config';
import type { FakeCloudEndpoints } from '@/fake-cloud/create-fake-cloud';
import type { AgentMediaReport, FakeVonageControl } from '@/fake-cloud/control-api';

export interface DemoBackend {
  endpoints: FakeCloudEndpoints;
  /** What `window.fakeVonage` drives; the Demo simulator panel drives the same. */
  control: FakeVonageControl;
  /** The app says how to read the agent's side of a call's media (through the SDK's peer connection). */
  setAgentMediaProbe(probe: (callId: string) => Promise<AgentMediaReport>): void;
}

/**
 * The shared local emulator on this page's origin (`npm run dev`, `npm run emulator`), or the whole cloud
 * inside this page (the static demo build). Chosen at build time, so each build carries only its own.
 */
export async function startDemoBackend(config: AppConfig): Promise<DemoBackend> {
  if (import.meta.env.VITE_DEMO_CLOUD === 'emulator') {
    const { connectToEmulator } = await import('./connect-emulator.ts');
    return connectToEmulator();
  }
  const { startInPageCloud } = await import('./start-in-page-cloud.ts');
  return startInPageCloud(config);
}
