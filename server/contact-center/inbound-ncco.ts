import { Connect, Input, NCCOBuilder, Talk, type AppEndpoint, type NCCOAction } from '@vonage/voice';
import type { WebhookUrls } from './webhook-urls';

export type InboundFlow = { kind: 'agent'; agent: string } | { kind: 'ivr' } | { kind: 'custom'; ncco: unknown[] };

// The seed's IVR names its two agents in the prompt, so the digits are fixed to match what callers hear.
export const ivrChoices: Readonly<Record<string, string>> = { '1': 'Jane', '2': 'Joe' };
const menuPrompt = 'To talk to Jane, please press 1, or, to talk to Joe, press 2.';
// One digit is the whole menu; five seconds matches a caller reaching for the keypad.
const menuDtmf = { maxDigits: 1, timeOut: 5 };
export const maxMenuAttempts = 2;

export const appEndpoint = (user: string): AppEndpoint => ({ type: 'app', user });

export function agentNcco(greeting: string, agent: string): NCCOAction[] {
  return new NCCOBuilder().addAction(new Talk(greeting)).addAction(new Connect(appEndpoint(agent))).build();
}

function menu(builder: NCCOBuilder, urls: WebhookUrls, attempt: number): NCCOAction[] {
  return builder.addAction(new Talk(menuPrompt)).addAction(new Input(menuDtmf, undefined, urls.dtmf(attempt))).build();
}

export function ivrMenuNcco(urls: WebhookUrls): NCCOAction[] {
  return menu(new NCCOBuilder().addAction(new Talk('Thank you for calling my contact center.')), urls, 1);
}

/**
 * The answer to the IVR's input webhook. A wrong key or silence gets the menu once more; after the last miss
 * the NCCO ends with a goodbye, and Vonage hangs up when an NCCO runs out.
 */
export function ivrChoiceNcco(digits: string | undefined, attempt: number, urls: WebhookUrls): NCCOAction[] {
  const agent = digits === undefined ? undefined : ivrChoices[digits];
  if (agent !== undefined) return agentNcco(`Please wait while we connect you to ${agent}`, agent);
  if (attempt >= maxMenuAttempts) {
    return new NCCOBuilder().addAction(new Talk('Sorry, we did not get a choice. Please call again later. Goodbye.')).build();
  }
  return menu(new NCCOBuilder().addAction(new Talk('Sorry, we did not get a valid choice.')), urls, attempt + 1);
}

/** What a caller to the contact center's number hears, by the flow active at this moment. */
export function inboundNcco(flow: InboundFlow, urls: WebhookUrls): unknown[] {
  switch (flow.kind) {
    case 'agent':
      return agentNcco(`Thank you for calling ${flow.agent}`, flow.agent);
    case 'ivr':
      return ivrMenuNcco(urls);
    case 'custom':
      return flow.ncco;
  }
}

/** For a caller whose flow cannot run (a broken custom NCCO): an apology rather than silence. */
export function unavailableNcco(): NCCOAction[] {
  return new NCCOBuilder().addAction(new Talk('Sorry, we cannot take your call right now. Please try again later.')).build();
}
