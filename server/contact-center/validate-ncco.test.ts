import { describe, expect, it } from 'vitest';
import { validateNcco } from './validate-ncco';

const problemsOf = (value: unknown) => {
  const result = validateNcco(value);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
};

describe('validateNcco', () => {
  it('accepts the seed flows and one of every action', () => {
    const ncco = [
      { action: 'record', eventUrl: ['https://example.com/recordings'] },
      { action: 'talk', text: 'Hello', bargeIn: true, loop: 2, language: 'en-GB' },
      { action: 'stream', streamUrl: ['https://example.com/hold.mp3'] },
      { action: 'input', type: ['dtmf', 'speech'], dtmf: { maxDigits: 1 }, speech: {}, eventUrl: ['https://example.com/dtmf'] },
      { action: 'notify', payload: { step: 'menu' }, eventUrl: ['https://example.com/notify'] },
      { action: 'wait', timeout: 0.5 },
      { action: 'conversation', name: 'team-room' },
      { action: 'transfer', conversation_id: 'CON-1' },
      { action: 'connect', from: '442079460000', timeout: 20, endpoint: [{ type: 'phone', number: '14155550100' }] },
    ];
    expect(validateNcco(ncco)).toEqual({ ok: true, ncco });
    for (const endpoint of [
      { type: 'app', user: 'Jane' },
      { type: 'websocket', uri: 'wss://cc.example.com/webhooks/echo', 'content-type': 'audio/l16;rate=16000', headers: {} },
      { type: 'sip', uri: 'sip:rebekka@sip.example.com' },
      { type: 'vbc', extension: '1234' },
    ]) {
      expect(validateNcco([{ action: 'connect', endpoint: [endpoint] }]).ok).toBe(true);
    }
  });

  it.each([
    [{ action: 'talk' }, 'NCCO[0] (talk): text is required'],
    [{ action: 'talk', text: 42 }, 'NCCO[0] (talk): text must be a non-empty string'],
    [{ action: 'talk', text: 'x'.repeat(1501) }, 'NCCO[0] (talk): text must be at most 1500 characters'],
    [{ action: 'talk', text: 'Hi', bargeIn: 'yes' }, 'NCCO[0] (talk): bargeIn must be a boolean'],
    [{ action: 'stream', streamUrl: 'https://example.com/a.mp3' }, 'NCCO[0] (stream): streamUrl must be an array of one URL string'],
    [{ action: 'input', eventUrl: ['https://example.com/dtmf'] }, 'NCCO[0] (input): type is required'],
    [{ action: 'input', type: ['keys'] }, 'NCCO[0] (input): type must be a non-empty array of "dtmf" and/or "speech"'],
    [{ action: 'input', type: ['dtmf'], eventUrl: 'https://example.com/dtmf' }, 'NCCO[0] (input): eventUrl must be an array of one URL string, e.g. ["https://example.com/webhooks/event"]'],
    [{ action: 'input', type: ['dtmf'], eventUrl: ['/webhooks/dtmf'] }, 'NCCO[0] (input): eventUrl[0] must be an absolute http(s) URL'],
    [{ action: 'connect' }, 'NCCO[0] (connect): endpoint is required'],
    [{ action: 'connect', endpoint: [] }, 'NCCO[0] (connect): endpoint must be an array of exactly one endpoint'],
    [{ action: 'connect', endpoint: [{}] }, 'NCCO[0] (connect): endpoint[0].type is required'],
    [{ action: 'connect', endpoint: [{ type: 'fax' }] }, 'NCCO[0] (connect): endpoint[0].type must be one of phone, app, websocket, sip, vbc'],
    [{ action: 'connect', endpoint: [{ type: 'phone' }] }, 'NCCO[0] (connect): endpoint[0].number is required'],
    [{ action: 'connect', endpoint: [{ type: 'phone', number: '0800 123' }] }, 'NCCO[0] (connect): endpoint[0].number must be an E.164 number such as 447700900000'],
    [{ action: 'connect', endpoint: [{ type: 'app' }] }, 'NCCO[0] (connect): endpoint[0].user is required'],
    [{ action: 'connect', endpoint: [{ type: 'websocket', uri: 'https://x.example', 'content-type': 'audio/l16;rate=16000' }] }, 'NCCO[0] (connect): endpoint[0].uri must be a ws:// or wss:// URL'],
    [{ action: 'connect', endpoint: [{ type: 'websocket', uri: 'wss://x.example', 'content-type': 'audio/mp3' }] }, 'NCCO[0] (connect): endpoint[0].content-type must be audio/l16;rate=8000, 16000 or 24000'],
    [{ action: 'connect', endpoint: [{ type: 'sip' }] }, 'NCCO[0] (connect): endpoint[0].uri is required'],
    [{ action: 'connect', endpoint: [{ type: 'vbc' }] }, 'NCCO[0] (connect): endpoint[0].extension is required'],
    [{ action: 'connect', endpoint: [{ type: 'app', user: 'Jane' }], timeout: '20' }, 'NCCO[0] (connect): timeout must be a number'],
    [{ action: 'notify', eventUrl: ['https://example.com/n'] }, 'NCCO[0] (notify): payload is required'],
    [{ action: 'notify', payload: 'step', eventUrl: ['https://example.com/n'] }, 'NCCO[0] (notify): payload must be an object'],
    [{ action: 'wait', timeout: 9000 }, 'NCCO[0] (wait): timeout must be from 0.1 to 7200 seconds'],
    [{ action: 'conversation' }, 'NCCO[0] (conversation): name is required'],
    [{ action: 'transfer' }, 'NCCO[0] (transfer): conversation_id is required'],
    [{ action: 'dial', to: '123' }, 'NCCO[0]: action "dial"; use one of talk, stream, input, connect, record, conversation, notify, wait, transfer'],
    [{ text: 'Hi' }, 'NCCO[0]: no action; use one of talk, stream, input, connect, record, conversation, notify, wait, transfer'],
    ['talk', 'NCCO[0] must be an object with an "action"'],
  ])('refuses %j', (action, problem) => {
    expect(problemsOf([action])).toEqual([problem]);
  });

  it('names every problem, with the index of its action', () => {
    expect(problemsOf([{ action: 'talk', text: 'Hi' }, { action: 'connect', endpoint: [{ type: 'phone' }] }, { action: 'notify' }])).toEqual([
      'NCCO[1] (connect): endpoint[0].number is required',
      'NCCO[2] (notify): payload is required',
      'NCCO[2] (notify): eventUrl is required',
    ]);
  });

  it.each([
    [{ action: 'talk', text: 'Hi' }, 'NCCO must be a JSON array of actions'],
    [null, 'NCCO must be a JSON array of actions'],
    [[], 'NCCO must have at least one action'],
  ])('refuses %j as a whole', (value, problem) => {
    expect(problemsOf(value)).toEqual([problem]);
  });
});
