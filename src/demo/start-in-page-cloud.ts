// The static demo: the token backend and the fake Vonage cloud served inside the page by MSW.
import { setupWorker } from 'msw/browser';
import type { AppConfig } from '@/config/app-config';
import { createFakeCloud } from '@/fake-cloud/create-fake-cloud';
import { demoAgents } from '@/fake-cloud/demo-agents';
import { fakeCloudEndpoints } from '@/fake-cloud/fake-endpoints';
import { createDemoTokenBackend } from './demo-token-backend.ts';
import type { DemoBackend } from './start-demo-backend.ts';

export async function startInPageCloud(config: AppConfig): Promise<DemoBackend> {
  const endpoints = fakeCloudEndpoints(window.location.origin);
  const fakeCloud = createFakeCloud({ endpoints, agents: demoAgents });
  const tokenBackend = createDemoTokenBackend({
    tokenUrl: new URL(config.tokenUrl, window.location.origin).href,
    // Demo builds always use the seed's key contract (app-config.ts), with the demo's well-known key.
    mobileApiKey: config.auth.kind === 'mobile-api-key' ? config.auth.mobileApiKey : '',
    agents: demoAgents,
  });
  const worker = setupWorker(...tokenBackend.handlers, ...fakeCloud.handlers);
  // The SDK must not be evaluated before this resolves: engine.io captures WebSocket at import time.
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
  window.fakeVonage = fakeCloud.control;
  window.fakeTokenBackend = tokenBackend.control;
  return { endpoints, control: fakeCloud.control, setAgentMediaProbe: (probe) => fakeCloud.setAgentMediaProbe(probe) };
}
