/** How the demo token backend answers the next requests; QA uses it to show each sign-in failure. */
export type TokenBackendBehaviour =
  | { kind: 'normal' }
  | { kind: 'status'; status: number }
  | { kind: 'hang' }
  | { kind: 'malformed' };

export interface FakeTokenBackendControl {
  setBehaviour(behaviour: TokenBackendBehaviour): Promise<void>;
  /** Token requests received so far (user names), for QA to assert on. */
  requests(): Promise<string[]>;
  /** Normal answers again, and no requests recorded (each scenario starts here). */
  reset(): Promise<void>;
}

declare global {
  interface Window {
    fakeTokenBackend?: FakeTokenBackendControl;
  }
}
