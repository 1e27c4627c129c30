/** How the demo token backend answers the next requests; QA uses it to show each sign-in failure. */
export type TokenBackendBehaviour =
  | { kind: 'normal' }
  | { kind: 'status'; status: number }
  | { kind: 'hang' }
  | { kind: 'malformed' };

export interface FakeTokenBackendControl {
  setBehaviour(behaviour: TokenBackendBehaviour): void;
  /** Token requests received so far (user names), for QA to assert on. */
  requests(): string[];
}

declare global {
  interface Window {
    fakeTokenBackend?: FakeTokenBackendControl;
  }
}
