// Demo and test builds only: the token backend and the fake Vonage cloud, served inside the page by MSW.
// main.tsx imports this behind a compile-time check, so a production build contains none of it.
import { setupWorker } from 'msw/browser';
import type { AppConfig } from '@/config/app-config';
import { createFakeCloud, type FakeCloud, type FakeCloudEndpoints } from '@/fake-cloud/create-fake-cloud';
import { demoAgents } from '@/fake-cloud/demo-agents';
import { fakeCloudEndpoints } from '@/fake-cloud/fake-endpoints';
import { createDemoTokenBackend } from './demo-token-backend';

export interface DemoBackend {
  endpoints: FakeCloudEndpoints;
  fakeCloud: FakeCloud;
}

export async function startDemoBackend(config: AppConfig): Promise<DemoBackend> {
  const endpoints = fakeCloudEndpoints(window.location.origin);
  const fakeCloud = createFakeCloud({ endpoints, agents: demoAgents });
  const tokenBackend = createDemoTokenBackend({
    tokenUrl: new URL(config.tokenUrl, window.location.origin).href,
    mobileApiKey: config.mobileApiKey,
    agents: demoAgents,
  });
  const worker = setupWorker(...tokenBackend.handlers, ...fakeCloud.handlers);
  // The SDK must not be evaluated before this resolves: engine.io captures WebSocket at import time.
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
  window.fakeVonage = fakeCloud.control;
  window.fakeTokenBackend = tokenBackend.control;
  return { endpoints, fakeCloud };
}
