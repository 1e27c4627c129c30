// The Phone page's line to the emulator: one WebSocket (/emulator/phone) carrying the phone's state in and the
// user's actions out. A lost socket is retried every few seconds, asking for the same number back.
import { phoneSocketPath, type PhoneMessage, type PhoneRequest, type PhoneSnapshot } from '@/fake-cloud/phone-protocol';
import type { PhoneLink } from './phone-status-text';

export interface PhoneConnectionState {
  link: PhoneLink;
  phone?: PhoneSnapshot;
  /** The emulator refused the last request (e.g. an unreadable number). */
  error?: string;
  /** The call goes on, but the microphone could not be opened. */
  microphoneProblem?: string;
}

const retryMs = 3000;
const numberKey = 'phone-number';

export class PhoneConnection {
  private state: PhoneConnectionState = { link: 'connecting' };
  private readonly listeners = new Set<() => void>();
  private socket: WebSocket | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  /** The page's audio hears the SDP answers to its offers. */
  onAnswer: (callId: string, sdp: string) => void = () => undefined;

  start(): void {
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retry);
    this.socket?.close();
  }

  getState = (): PhoneConnectionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  setMicrophoneProblem(problem: string | undefined): void {
    if (problem !== this.state.microphoneProblem) this.update({ microphoneProblem: problem });
  }

  send(request: PhoneRequest): void {
    if (request.type !== 'offer') this.update({ error: undefined });
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(request));
    else this.update({ error: 'The Phone is not connected to the emulator.' });
  }

  private open() {
    const remembered = sessionStorage.getItem(numberKey);
    const url = new URL(phoneSocketPath, window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    if (remembered) url.searchParams.set('number', remembered);
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.addEventListener('message', (event) => {
      if (typeof event.data === 'string') this.receive(JSON.parse(event.data) as PhoneMessage);
    });
    socket.addEventListener('open', () => this.update({ link: 'open' }));
    socket.addEventListener('close', () => {
      if (this.socket !== socket) return;
      this.update({ link: 'closed' });
      if (!this.stopped) this.retry = setTimeout(() => this.open(), retryMs);
    });
  }

  private receive(message: PhoneMessage) {
    switch (message.type) {
      case 'state':
        sessionStorage.setItem(numberKey, message.phone.number);
        this.update({ link: 'open', phone: message.phone });
        return;
      case 'answer':
        this.onAnswer(message.callId, message.sdp);
        return;
      case 'error':
        this.update({ error: message.message });
        return;
    }
  }

  private update(change: Partial<PhoneConnectionState>) {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }
}
