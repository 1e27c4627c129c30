// A typed client for the emulator's control API over HTTP (emulator/control-routes.ts). The page uses it as
// `window.fakeVonage` when the cloud is the shared emulator; Node (Playwright, scripts) uses it directly.
import type { FakeTokenBackendControl } from '../demo/token-backend-control.ts';
import type { FakeVonageControl } from './control-api.ts';

export class EmulatorControlError extends Error {
  readonly status: number;
  readonly code: string | undefined;

  constructor(status: number, message: string, code?: string) {
    super(message);
    this.name = 'EmulatorControlError';
    this.status = status;
    this.code = code;
  }
}

type Methods<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never };

function client<T>(baseUrl: string, group: string, methods: ReadonlyArray<keyof T & string>): Methods<T> {
  const invoke = async (method: string, args: unknown[]) => {
    const response = await fetch(`${baseUrl}/emulator/${group}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // undefined arguments (an optional one left out) are dropped by JSON; trailing ones must not become null.
      body: JSON.stringify({ args: args.slice(0, args.findLastIndex((arg) => arg !== undefined) + 1) }),
    });
    const body = (await response.json().catch(() => ({}))) as { result?: unknown; error?: string; code?: string };
    if (!response.ok) throw new EmulatorControlError(response.status, body.error ?? `HTTP ${response.status}`, body.code);
    return body.result;
  };
  return Object.fromEntries(methods.map((method) => [method, (...args: unknown[]) => invoke(method, args)])) as Methods<T>;
}

/** Every control method the emulator serves over HTTP (emulator/control-routes.ts reads this list too). */
export const cloudControlMethods = [
  'ringAgent',
  'cancelInvite',
  'hangup',
  'setCallee',
  'calls',
  'mediaStats',
  'expireSession',
  'dropConnection',
  'restoreNetwork',
  'reset',
  'setMaxSessions',
  'phones',
  'breakMedia',
  'degradeCall',
  'restoreCall',
  'sessions',
  'contactCenter',
  'setInboundFlow',
  'callContactCenter',
  'sendDigits',
  'callerPresses',
  'contactCenterCalls',
] as const satisfies ReadonlyArray<keyof FakeVonageControl>;

/** `baseUrl` is the emulator's origin, e.g. http://127.0.0.1:5821 ('' for the page's own origin). */
export function emulatorControlClient(baseUrl: string): FakeVonageControl {
  return client<FakeVonageControl>(baseUrl, 'control', cloudControlMethods);
}

export const tokenBackendControlMethods = ['setBehaviour', 'requests', 'reset'] as const satisfies ReadonlyArray<keyof FakeTokenBackendControl>;

export function emulatorTokenBackendClient(baseUrl: string): FakeTokenBackendControl {
  return client<FakeTokenBackendControl>(baseUrl, 'token-backend', tokenBackendControlMethods);
}
