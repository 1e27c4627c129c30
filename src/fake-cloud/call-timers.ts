// Timers owned by a call (ring timeout, callee outcome, delayed pushes). Clearing them when the call ends
// means no late event can reach the SDK for a call that is already over.
export class CallTimers {
  private readonly timers = new Map<string, Set<ReturnType<typeof setTimeout>>>();

  schedule(callId: string, delayMs: number, run: () => void): void {
    const handles = this.timers.get(callId) ?? new Set();
    const handle = setTimeout(() => {
      handles.delete(handle);
      run();
    }, delayMs);
    handles.add(handle);
    this.timers.set(callId, handles);
  }

  clear(callId: string): void {
    for (const handle of this.timers.get(callId) ?? []) clearTimeout(handle);
    this.timers.delete(callId);
  }
}
