// Transferring a connected call: the backend moves the other party (Voice API) and then this agent leaves
// the call. Until the backend confirms, nothing changes for the caller, so a failure leaves the call as it
// was, with the reason on screen.
import type { StoreRuntime } from './store-runtime';

export interface TransferActions {
  /** `destination`: what the agent typed in Transfer to (a number or an agent's name). */
  transfer(callId: string, destination: string): Promise<void>;
}

export function createTransferActions(runtime: StoreRuntime): TransferActions {
  const { deps, state, dispatch } = runtime;
  return {
    async transfer(callId, destination) {
      const call = state().calls[callId];
      if (!call || call.state !== 'active' || call.transferPending) return;
      const parsed = await deps.parseDialInput(destination);
      if (!parsed.ok) {
        dispatch({ type: 'transfer-failed', callId, message: parsed.message });
        return;
      }
      if (parsed.target.kind === 'agent' && parsed.target.userName.toLowerCase() === state().agent?.userName.toLowerCase()) {
        dispatch({ type: 'transfer-failed', callId, message: 'You are already on this call: transfer it to another agent or a number.' });
        return;
      }
      const to = parsed.target.kind === 'phone' ? parsed.target.e164 : parsed.target.kind === 'agent' ? parsed.target.userName : undefined;
      const token = runtime.currentToken();
      if (to === undefined) {
        dispatch({ type: 'transfer-failed', callId, message: 'Transfer to an agent’s name or a phone number.' });
        return;
      }
      if (!deps.transferCall || !token || state().connection !== 'ready') {
        dispatch({ type: 'transfer-failed', callId, message: 'Transfers need a working connection. Wait for Ready, then try again.' });
        return;
      }
      dispatch({ type: 'transfer-requested', callId });
      try {
        await deps.transferCall({ callId, to, token });
      } catch (error) {
        dispatch({ type: 'transfer-failed', callId, message: error instanceof Error ? error.message : String(error) });
        return;
      }
      // The other party is on their way to the destination. Recorded before this agent's leg leaves the call:
      // the SDK reports that hangup (as the agent's own) before `hangup()` resolves.
      dispatch({ type: 'transfer-confirmed', callId, to: parsed.display });
      await runtime.adapter()?.hangup(callId).catch(() => undefined);
      dispatch({ type: 'call-transferred', callId, to: parsed.display });
    },
  };
}
