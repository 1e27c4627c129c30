// What the cloud core needs from outside to run a contact center's NCCOs: the backend's webhooks (answer URL,
// input and notify event URLs, the event URL), a validator for the NCCOs it answers, and the inbound-flow
// setting. The emulator implements these over HTTP against the real backend routes (server/contact-center/);
// unit tests script them. The core imports nothing of the server.

/** Which NCCO the contact center's number answers with (the seed backend's settings page). */
export type InboundFlow = { kind: 'agent'; agent: string } | { kind: 'ivr' } | { kind: 'custom'; ncco: unknown[] };

export type NccoValidation = { ok: true; ncco: unknown[] } | { ok: false; problems: string[] };

/** Vonage's checks of an NCCO's shape (the backend's `validateNcco`). */
export type NccoValidator = (value: unknown) => NccoValidation;

/** The answer-URL request: an agent's serverCall, or a caller dialling the contact center's number. */
export type AnswerRequest =
  | { uuid: string; conversation_uuid: string; from_user: string; to: unknown; custom_data: Record<string, unknown> }
  | { uuid: string; conversation_uuid: string; from: string; to: string };

/** What an `input` action posts to its eventUrl. */
export interface InputResult {
  uuid: string;
  conversation_uuid: string;
  from: string;
  to: string;
  dtmf: { digits: string; timed_out: boolean };
}

/** Vonage's call event (`status` one of started, ringing, answered, completed, busy, timeout, failed, …). */
export interface CallEvent {
  status: string;
  uuid: string;
  conversation_uuid: string;
  direction: 'inbound' | 'outbound';
  from: string;
  to: string;
  timestamp: string;
  /** Vonage adds these to some statuses: `completed` (duration), `failed`/`rejected` (reason). */
  duration?: string;
  reason?: string;
}

/** Vonage's error callback to the event URL when an NCCO cannot be run. */
export interface NccoErrorEvent {
  reason: string;
  conversation_uuid: string;
  timestamp: string;
}

export interface ContactCenterWebhooks {
  /** Requests the answer URL; resolves to the NCCO JSON it answered. Rejects when it is unreachable or fails. */
  answer(request: AnswerRequest): Promise<unknown>;
  /**
   * POSTs an input result to the action's eventUrl (the application's event URL when the action names none);
   * resolves to what it answered (undefined for an empty body).
   */
  input(eventUrl: string | undefined, payload: InputResult): Promise<unknown>;
  /** POSTs a call event (or an NCCO error) to `eventUrl`, or to the application's event URL when it is absent. */
  event(eventUrl: string | undefined, payload: CallEvent | NccoErrorEvent): Promise<void>;
  /** POSTs a `notify` action's payload to its eventUrl. */
  notify(eventUrl: string, payload: Record<string, unknown>): Promise<void>;
}

export type SetInboundFlowResult = { ok: true } | { ok: false; problems: string[] };

/** The contact center as the host wires it: its number, its backend, and the inbound-flow setting. */
export interface ContactCenterOptions {
  /** E.164 digits without '+', e.g. '442079460000'. */
  number: string;
  webhooks: ContactCenterWebhooks;
  validate: NccoValidator;
  inboundFlow(): InboundFlow;
  /** Applies a flow the core has already checked (a custom NCCO with `validate`). */
  applyInboundFlow(flow: InboundFlow): void;
}

/** The demo contact center's number, from Ofcom's drama range (shown in the Demo simulator and on the Phone). */
export const demoContactCenterNumber = '442079460000';
