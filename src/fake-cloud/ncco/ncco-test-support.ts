// Shared pieces for the contact center's unit tests: a scripted backend (answer URL, input and notify event
// URLs, the event URL) and a cloud context wired to it.
import { testContext } from '../test-support.ts';
import { ContactCenterCalls } from './contact-center-calls.ts';
import type { AnswerRequest, ContactCenterWebhooks, InboundFlow, InputResult } from './contact-center-port.ts';

export const number = '442079460000';
export const inputUrl = 'http://cc.test/webhooks/dtmf';

/** The backend, scripted: the answer URL's NCCO, what each input answers, and every event posted. */
export class ScriptedBackend implements ContactCenterWebhooks {
  answerNcco: unknown = [];
  inputAnswers: unknown[] = [];
  readonly answers: AnswerRequest[] = [];
  readonly inputs: { url: string | undefined; payload: InputResult }[] = [];
  readonly events: { url: string | undefined; payload: Record<string, unknown> }[] = [];
  readonly notified: { url: string; payload: Record<string, unknown> }[] = [];

  answer = async (request: AnswerRequest) => {
    this.answers.push(request);
    return this.answerNcco;
  };
  input = async (url: string | undefined, payload: InputResult) => {
    this.inputs.push({ url, payload });
    return this.inputAnswers.shift();
  };
  event = async (url: string | undefined, payload: object) => {
    this.events.push({ url, payload: payload as Record<string, unknown> });
  };
  notify = async (url: string, payload: Record<string, unknown>) => {
    this.notified.push({ url, payload });
  };

  statuses(uuid: string): unknown[] {
    return this.events.filter((event) => event.payload.uuid === uuid).map((event) => event.payload.status);
  }
}

/** A test cloud whose contact center runs on a scripted backend, with a validator that wants an array. */
export function contactCenterContext() {
  const { ctx, media } = testContext();
  ctx.timing = { ...ctx.timing, speechRate: 1, speechMinimumMs: 800, speechWordsPerMinute: 150 };
  const backend = new ScriptedBackend();
  let flow: InboundFlow = { kind: 'ivr' };
  const contactCenter = new ContactCenterCalls(ctx, {
    number,
    webhooks: backend,
    validate: (value) => (Array.isArray(value) ? { ok: true, ncco: value } : { ok: false, problems: ['The NCCO must be a JSON array'] }),
    inboundFlow: () => flow,
    applyInboundFlow: (next) => {
      flow = next;
    },
  });
  ctx.contactCenter = contactCenter;
  return { ctx, media, backend, contactCenter };
}

