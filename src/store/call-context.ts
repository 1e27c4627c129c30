// What the call action modules share: the store's runtime, the one hangup issuer, the confirmation timers.
import type { ConfirmationTimers } from './confirmation-timers';
import type { HangupIssuer } from './hangup-issuer';
import type { StoreRuntime } from './store-runtime';

export interface CallContext {
  runtime: StoreRuntime;
  hangups: HangupIssuer;
  confirmations: ConfirmationTimers;
}
