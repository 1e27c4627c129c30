// What the cloud remembers of each call its NCCOs run (the control API's contactCenterCalls()).

export type ContactCenterCallOrigin = 'phone' | 'scripted' | 'agent';

export interface ContactCenterCallSnapshot {
  /** The caller's leg: the `uuid` of every webhook about it (for `sendDigits`). */
  id: string;
  conversationId: string;
  /** A Phone page or a scripted caller dialled the contact center; an agent's outbound call (serverCall). */
  origin: ContactCenterCallOrigin;
  /** The caller's number (E.164 digits), or the agent's user name for an agent's call. */
  from: string;
  /** The contact center's number, or what the agent dialled. */
  to: string;
  /** `answering`: the answer URL is being asked; `running`: an NCCO runs; `ended`. */
  state: 'answering' | 'running' | 'ended';
  /** The action running now (`talk`, `input`, `connect`, …). */
  currentAction?: string;
  /** Every `talk` text said to the caller, in order. */
  prompts: string[];
  /** Digits the `input` actions collected, in order. */
  digits: string;
  /** Who a `connect` reached: an agent's name, a number, or a websocket URI. */
  connectedTo?: string;
  /** The agent's leg a `connect` to an app user rang (for calls() and mediaStats()). */
  agentCallId?: string;
  /** How many times the Voice API transferred this caller. */
  transfers?: number;
  /** `completed`: the NCCO ran out (or a connected party hung up); `caller-hung-up`; `failed`: see `error`. */
  outcome?: 'completed' | 'caller-hung-up' | 'failed';
  /** Why the NCCO could not run: the text of the error event posted to the event URL. */
  error?: string;
  /** Every event posted to an event URL: the leg (`uuid`) and its `status` (`error` for an NCCO error). */
  events: { uuid: string; status: string }[];
}
