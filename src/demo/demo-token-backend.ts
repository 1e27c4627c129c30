import { delay, http, HttpResponse } from 'msw';
import { tokenRequestSchema, type TokenResponse } from '../contracts/token-api.ts';
import { mintDemoToken } from '../fake-cloud/demo-token.ts';
import type { FakeTokenBackendControl, TokenBackendBehaviour } from './token-backend-control.ts';

export interface DemoTokenBackendOptions {
  tokenUrl: string;
  mobileApiKey: string;
  agents: readonly { userName: string; userId: string }[];
  lifetimeSeconds?: number;
  now?: () => number;
}

/** The seed backend's POST /api/jwt contract, served in the page for demo mode and tests. */
export function createDemoTokenBackend(options: DemoTokenBackendOptions) {
  const now = options.now ?? Date.now;
  const lifetimeSeconds = options.lifetimeSeconds ?? 3600;
  let behaviour: TokenBackendBehaviour = { kind: 'normal' };
  const received: string[] = [];

  const handler = http.post(options.tokenUrl, async ({ request }) => {
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      return HttpResponse.json({ error: 'Request body must be JSON' }, { status: 400 });
    }
    const parsed = tokenRequestSchema.safeParse(body);
    if (!parsed.success) return HttpResponse.json({ error: 'user_name and mobile_api_key are required strings' }, { status: 400 });
    received.push(parsed.data.user_name);

    switch (behaviour.kind) {
      case 'status':
        return HttpResponse.json({ error: `Simulated failure ${behaviour.status}` }, { status: behaviour.status });
      case 'hang':
        await delay('infinite');
        return HttpResponse.json({ error: 'unreachable' }, { status: 504 });
      case 'malformed':
        return HttpResponse.json({ user_name: parsed.data.user_name }, { status: 200 });
      case 'normal':
        break;
    }
    if (parsed.data.mobile_api_key !== options.mobileApiKey) {
      return HttpResponse.json({ error: 'Invalid mobile API key' }, { status: 401 });
    }
    const agent = options.agents.find((candidate) => candidate.userName.toLowerCase() === parsed.data.user_name.toLowerCase());
    if (!agent) return HttpResponse.json({ error: `Unknown agent ${parsed.data.user_name}` }, { status: 404 });
    const issuedAt = now();
    const answer: TokenResponse = {
      user_id: agent.userId,
      user_name: agent.userName,
      jwt: mintDemoToken(agent.userName, issuedAt, lifetimeSeconds),
      expires_at: new Date(issuedAt + lifetimeSeconds * 1000).toISOString(),
    };
    return HttpResponse.json(answer);
  });

  const control: FakeTokenBackendControl = {
    setBehaviour: async (next) => {
      behaviour = next;
    },
    requests: async () => [...received],
    reset: async () => {
      behaviour = { kind: 'normal' };
      received.length = 0;
    },
  };
  return { handlers: [handler], control };
}
