// Checks an operator-written NCCO the way Vonage would refuse it, so a typo is reported when the NCCO is
// configured, not discovered by a caller who hears nothing. It checks each action's required fields and the
// types Vonage insists on (eventUrl is always an array); options it does not know are left to Vonage.

export type NccoValidation = { ok: true; ncco: unknown[] } | { ok: false; problems: string[] };

type Fields = Record<string, unknown>;
type Report = (problem: string) => void;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

function requireString(fields: Fields, name: string, report: Report, prefix = '') {
  if (fields[name] === undefined) report(`${prefix}${name} is required`);
  else if (!isNonEmptyString(fields[name])) report(`${prefix}${name} must be a non-empty string`);
}

/** Vonage wants URL lists as an array of exactly one absolute URL, even where the docs say "array". */
function checkUrlList(fields: Fields, name: string, report: Report, required: boolean) {
  const value = fields[name];
  if (value === undefined) {
    if (required) report(`${name} is required`);
    return;
  }
  if (!Array.isArray(value) || value.length !== 1 || !isNonEmptyString(value[0])) {
    report(`${name} must be an array of one URL string, e.g. ["https://example.com/webhooks/event"]`);
  } else if (!/^https?:\/\/\S+$/i.test(value[0])) {
    report(`${name}[0] must be an absolute http(s) URL`);
  }
}

function checkOptional(fields: Fields, name: string, type: 'boolean' | 'number' | 'string', report: Report) {
  if (fields[name] !== undefined && typeof fields[name] !== type) report(`${name} must be a ${type}`);
}

const endpointRules: Record<string, (endpoint: Fields, report: Report, prefix: string) => void> = {
  phone: (endpoint, report, prefix) => {
    requireString(endpoint, 'number', report, prefix);
    if (isNonEmptyString(endpoint.number) && !/^\+?[1-9]\d{6,14}$/.test(endpoint.number)) {
      report(`${prefix}number must be an E.164 number such as 447700900000`);
    }
  },
  app: (endpoint, report, prefix) => requireString(endpoint, 'user', report, prefix),
  websocket: (endpoint, report, prefix) => {
    requireString(endpoint, 'uri', report, prefix);
    if (isNonEmptyString(endpoint.uri) && !/^wss?:\/\/\S+$/i.test(endpoint.uri)) report(`${prefix}uri must be a ws:// or wss:// URL`);
    requireString(endpoint, 'content-type', report, prefix);
    const contentType = endpoint['content-type'];
    if (isNonEmptyString(contentType) && !/^audio\/l16;rate=(8000|16000|24000)$/.test(contentType)) {
      report(`${prefix}content-type must be audio/l16;rate=8000, 16000 or 24000`);
    }
    if (endpoint.headers !== undefined && !isObject(endpoint.headers)) report(`${prefix}headers must be an object`);
  },
  // A SIP endpoint is addressed by a full URI, or by a SIP domain configured in the dashboard.
  sip: (endpoint, report, prefix) => {
    if (endpoint.uri === undefined && endpoint.domain === undefined) report(`${prefix}uri is required`);
    if (endpoint.uri !== undefined && !(isNonEmptyString(endpoint.uri) && /^sips?:\S+$/i.test(endpoint.uri))) {
      report(`${prefix}uri must be a sip: or sips: URI`);
    }
  },
  vbc: (endpoint, report, prefix) => requireString(endpoint, 'extension', report, prefix),
};

const actionRules: Record<string, (action: Fields, report: Report) => void> = {
  talk: (action, report) => {
    requireString(action, 'text', report);
    if (typeof action.text === 'string' && action.text.length > 1500) report('text must be at most 1500 characters');
    checkOptional(action, 'bargeIn', 'boolean', report);
    checkOptional(action, 'loop', 'number', report);
  },
  stream: (action, report) => {
    const url = action.streamUrl;
    if (url === undefined) report('streamUrl is required');
    else if (!Array.isArray(url) || url.length !== 1 || !isNonEmptyString(url[0])) report('streamUrl must be an array of one URL string');
    checkOptional(action, 'bargeIn', 'boolean', report);
    checkOptional(action, 'loop', 'number', report);
  },
  input: (action, report) => {
    const type = action.type;
    if (type === undefined) report('type is required');
    else if (!Array.isArray(type) || type.length === 0 || !type.every((item) => item === 'dtmf' || item === 'speech')) {
      report('type must be a non-empty array of "dtmf" and/or "speech"');
    }
    if (action.dtmf !== undefined && !isObject(action.dtmf)) report('dtmf must be an object');
    if (action.speech !== undefined && !isObject(action.speech)) report('speech must be an object');
    // Optional for Vonage (results then go to the application's event URL), but its shape is checked.
    checkUrlList(action, 'eventUrl', report, false);
  },
  connect: (action, report) => {
    const endpoints = action.endpoint;
    if (endpoints === undefined) report('endpoint is required');
    else if (!Array.isArray(endpoints) || endpoints.length !== 1) report('endpoint must be an array of exactly one endpoint');
    else {
      const endpoint: unknown = endpoints[0];
      if (!isObject(endpoint)) report('endpoint[0] must be an object');
      else if (endpoint.type === undefined) report('endpoint[0].type is required');
      else {
        const rule = typeof endpoint.type === 'string' ? endpointRules[endpoint.type] : undefined;
        if (rule === undefined) report(`endpoint[0].type must be one of ${Object.keys(endpointRules).join(', ')}`);
        else rule(endpoint, report, 'endpoint[0].');
      }
    }
    checkOptional(action, 'from', 'string', report);
    checkOptional(action, 'timeout', 'number', report);
    checkUrlList(action, 'eventUrl', report, false);
  },
  record: (action, report) => checkUrlList(action, 'eventUrl', report, false),
  conversation: (action, report) => requireString(action, 'name', report),
  notify: (action, report) => {
    if (action.payload === undefined) report('payload is required');
    else if (!isObject(action.payload)) report('payload must be an object');
    checkUrlList(action, 'eventUrl', report, true);
  },
  wait: (action, report) => {
    checkOptional(action, 'timeout', 'number', report);
    if (typeof action.timeout === 'number' && (action.timeout < 0.1 || action.timeout > 7200)) {
      report('timeout must be from 0.1 to 7200 seconds');
    }
  },
  transfer: (action, report) => requireString(action, 'conversation_id', report),
};

export const nccoActions = Object.keys(actionRules);

/** Every problem at once, each naming the action's index and the field, e.g. "NCCO[1] (connect): …". */
export function validateNcco(value: unknown): NccoValidation {
  if (!Array.isArray(value)) return { ok: false, problems: ['NCCO must be a JSON array of actions'] };
  if (value.length === 0) return { ok: false, problems: ['NCCO must have at least one action'] };
  const problems: string[] = [];
  value.forEach((action: unknown, index) => {
    if (!isObject(action)) {
      problems.push(`NCCO[${index}] must be an object with an "action"`);
      return;
    }
    const name = action.action;
    const rule = typeof name === 'string' ? actionRules[name] : undefined;
    if (rule === undefined) {
      const got = name === undefined ? 'no action' : `action ${JSON.stringify(name).slice(0, 40)}`;
      problems.push(`NCCO[${index}]: ${got}; use one of ${nccoActions.join(', ')}`);
      return;
    }
    rule(action, (problem) => problems.push(`NCCO[${index}] (${name}): ${problem}`));
  });
  return problems.length === 0 ? { ok: true, ncco: value } : { ok: false, problems };
}
