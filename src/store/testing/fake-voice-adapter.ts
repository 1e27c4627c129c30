import type { VoiceAdapter } from '@/voice/voice-adapter';
import type { VoiceEvent } from '@/voice/voice-event';
import { deferred } from '@/testing/deferred';

/** The adapter's asynchronous methods, which the test settles by hand. */
export type AdapterMethod = Exclude<keyof VoiceAdapter, 'subscribe' | 'dispose' | 'releaseMedia' | 'localAudioTrack' | MediaDeviceMethod | ConversationMethod>;
/** Audio devices and call stats: the softphone store never calls them (their own stores do, through voice-media-port). */
type MediaDeviceMethod = 'setOutputDevice' | 'setInputDevice' | 'callStats';
/** Call details' reads: the softphone store never calls them (the call-details store does). */
type ConversationMethod = 'conversationDetails' | 'subscribeConversationEvents';
/** What `method` resolves with. */
export type AdapterResult<M extends AdapterMethod> = Awaited<ReturnType<VoiceAdapter[M]>>;

/** One call the store made on the adapter, still waiting for the test to settle it. */
export interface AdapterRequest<M extends AdapterMethod> {
  method: M;
  args: Parameters<VoiceAdapter[M]>;
  resolve(value: AdapterResult<M>): void;
  reject(error: unknown): void;
}

type RequestsByMethod = { [M in AdapterMethod]: AdapterRequest<M>[] };

/**
 * A VoiceAdapter for unit tests: every call is recorded and returns a promise the test resolves or rejects,
 * and `emit` plays an SDK event to whoever subscribed.
 */
export class FakeVoiceAdapter implements VoiceAdapter {
  /** Every adapter call in the order the store made it, for ordering assertions. */
  readonly history: Array<{ method: AdapterMethod; args: readonly unknown[] }> = [];
  disposed = false;
  /** Call ids whose media the store released, in order. */
  readonly releasedMedia: string[] = [];
  private readonly listeners = new Set<(event: VoiceEvent) => void>();
  private readonly requests: RequestsByMethod = {
    createSession: [],
    reconnectCall: [],
    deleteSession: [],
    refreshSession: [],
    answer: [],
    reject: [],
    hangup: [],
    dial: [],
    setMuted: [],
    setEarmuffed: [],
    sendDtmf: [],
    mediaReport: [],
  };

  /** The microphone track each call sends, as the test sets it. */
  readonly localAudioTracks = new Map<string, MediaStreamTrack>();

  releaseMedia(callId: string) {
    this.releasedMedia.push(callId);
  }
  localAudioTrack(callId: string) {
    return this.localAudioTracks.get(callId);
  }
  /** Output devices the test asked for, in order. */
  readonly outputDevices: string[] = [];
  setOutputDevice(deviceId: string) {
    this.outputDevices.push(deviceId);
    return Promise.resolve({ ok: true } as const);
  }
  /** Microphones the test asked for, in order. */
  readonly inputDevices: string[] = [];
  setInputDevice(deviceId: string) {
    this.inputDevices.push(deviceId);
    return Promise.resolve();
  }
  callStats() {
    return Promise.resolve(undefined);
  }
  conversationDetails(): Promise<never> {
    return Promise.reject(new Error('The softphone store does not read conversations'));
  }
  subscribeConversationEvents() {
    return () => undefined;
  }
  createSession(token: string, resumeSessionId?: string) {
    return this.record('createSession', resumeSessionId === undefined ? [token] : [token, resumeSessionId]);
  }
  reconnectCall(callId: string) {
    return this.record('reconnectCall', [callId]);
  }
  deleteSession() {
    return this.record('deleteSession', []);
  }
  refreshSession(token: string) {
    return this.record('refreshSession', [token]);
  }
  answer(callId: string) {
    return this.record('answer', [callId]);
  }
  reject(callId: string) {
    return this.record('reject', [callId]);
  }
  hangup(callId: string) {
    return this.record('hangup', [callId]);
  }
  dial(...args: Parameters<VoiceAdapter['dial']>) {
    return this.record('dial', args);
  }
  setMuted(callId: string, muted: boolean) {
    return this.record('setMuted', [callId, muted]);
  }
  setEarmuffed(callId: string, earmuffed: boolean) {
    return this.record('setEarmuffed', [callId, earmuffed]);
  }
  sendDtmf(callId: string, digits: string) {
    return this.record('sendDtmf', [callId, digits]);
  }
  mediaReport(callId: string) {
    return this.record('mediaReport', [callId]);
  }

  subscribe(listener: (event: VoiceEvent) => void) {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  dispose() {
    this.disposed = true;
    this.listeners.clear();
  }

  /** Plays an SDK event to every subscriber, as the real adapter would. */
  emit(event: VoiceEvent) {
    for (const listener of [...this.listeners]) listener(event);
  }

  get listenerCount() {
    return this.listeners.size;
  }

  requestsTo<M extends AdapterMethod>(method: M): readonly AdapterRequest<M>[] {
    return this.requests[method];
  }

  /** The most recent call to `method`; fails the test if there was none. */
  lastRequest<M extends AdapterMethod>(method: M): AdapterRequest<M> {
    const last = this.requests[method].at(-1);
    if (!last) throw new Error(`The store never called adapter.${method}()`);
    return last;
  }

  private record<M extends AdapterMethod>(method: M, args: Parameters<VoiceAdapter[M]>): Promise<AdapterResult<M>> {
    const pending = deferred<AdapterResult<M>>();
    this.history.push({ method, args });
    this.requests[method].push({ method, args, resolve: pending.resolve, reject: pending.reject });
    return pending.promise;
  }
}
