// The NCCO actions and fields the emulator runs, read from NCCO JSON that Vonage's own checks (the backend's
// validateNcco) have already accepted. Anything else is refused by name, never skipped: a call whose NCCO
// uses an action or field the emulator does not run ends with an error event, so no flow silently differs
// from what Vonage would do.

export type ConnectEndpoint =
  | { type: 'app'; user: string }
  | { type: 'phone'; number: string }
  | { type: 'websocket'; uri: string; contentType: string; headers: Record<string, unknown> };

export type NccoAction =
  | { action: 'talk'; text: string; loop: number; bargeIn: boolean; language?: string }
  | { action: 'stream'; loop: number; bargeIn: boolean }
  | { action: 'input'; maxDigits: number; timeOutMs: number; submitOnHash: boolean; eventUrl?: string }
  | { action: 'connect'; endpoint: ConnectEndpoint; from?: string; timeoutMs: number; eventUrl?: string }
  | { action: 'notify'; payload: Record<string, unknown>; eventUrl: string };

export type ReadNcco = { ok: true; actions: NccoAction[] } | { ok: false; problem: string };

type Fields = Record<string, unknown>;

/** Fields each action may carry here. `level`, `style`, `premium` and `language` shape the voice only. */
const supportedFields: Record<NccoAction['action'], readonly string[]> = {
  talk: ['action', 'text', 'loop', 'bargeIn', 'level', 'language', 'style', 'premium'],
  stream: ['action', 'streamUrl', 'loop', 'bargeIn', 'level'],
  input: ['action', 'type', 'dtmf', 'eventUrl', 'eventMethod'],
  connect: ['action', 'endpoint', 'from', 'timeout', 'eventUrl', 'eventMethod'],
  notify: ['action', 'payload', 'eventUrl', 'eventMethod'],
};
const supportedEndpointFields: Record<ConnectEndpoint['type'], readonly string[]> = {
  app: ['type', 'user'],
  phone: ['type', 'number'],
  websocket: ['type', 'uri', 'content-type', 'headers'],
};
const dtmfFields = ['maxDigits', 'timeOut', 'submitOnHash'];

/** Vonage's defaults (NCCO reference): input maxDigits 4, timeOut 3 s; connect timeout 60 s. */
export const nccoDefaults = { maxDigits: 4, inputTimeOutS: 3, connectTimeoutS: 60 } as const;

export const supportedActions = Object.keys(supportedFields) as NccoAction['action'][];

class Unsupported extends Error {}

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

function onlyFields(fields: Fields, allowed: readonly string[], where: string) {
  const extra = Object.keys(fields).filter((name) => !allowed.includes(name));
  if (extra.length > 0) throw new Unsupported(`the emulator does not support ${extra.map((name) => `“${name}”`).join(', ')} in ${where}`);
}

function firstUrl(value: unknown): string | undefined {
  return Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined;
}

function postOnly(fields: Fields, where: string) {
  if (fields.eventMethod !== undefined && String(fields.eventMethod).toUpperCase() !== 'POST') {
    throw new Unsupported(`the emulator posts webhooks only: eventMethod “${String(fields.eventMethod)}” in ${where} is not supported`);
  }
}

function loopOf(fields: Fields, where: string): number {
  const loop = fields.loop ?? 1;
  if (typeof loop !== 'number' || !Number.isInteger(loop) || loop < 1 || loop > 100) {
    throw new Unsupported(`the emulator plays ${where} 1 to 100 times: loop ${String(loop)} (0 is “forever”) is not supported`);
  }
  return loop;
}

function numberIn(value: unknown, fallback: number, min: number, max: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || value < min || value > max) throw new Unsupported(`${name} must be a number from ${min} to ${max}`);
  return value;
}

function readEndpoint(value: unknown): ConnectEndpoint {
  const endpoint = Array.isArray(value) && value.length === 1 && isObject(value[0]) ? value[0] : undefined;
  if (!endpoint) throw new Unsupported('connect needs exactly one endpoint');
  const type = String(endpoint.type);
  if (type !== 'app' && type !== 'phone' && type !== 'websocket') {
    throw new Unsupported(`the emulator does not support connect endpoints of type “${type}” (only app, phone, websocket)`);
  }
  onlyFields(endpoint, supportedEndpointFields[type], `a ${type} endpoint`);
  switch (type) {
    case 'app':
      return { type, user: String(endpoint.user) };
    case 'phone':
      return { type, number: String(endpoint.number).replace(/^\+/, '') };
    case 'websocket':
      return {
        type,
        uri: String(endpoint.uri),
        contentType: String(endpoint['content-type']),
        headers: isObject(endpoint.headers) ? endpoint.headers : {},
      };
  }
}

function readAction(fields: Fields): NccoAction {
  const name = String(fields.action);
  if (!(name in supportedFields)) {
    throw new Unsupported(`the emulator does not support the NCCO action “${name}” (it runs ${supportedActions.join(', ')})`);
  }
  const action = name as NccoAction['action'];
  onlyFields(fields, supportedFields[action], `a ${action} action`);
  const bargeIn = fields.bargeIn === true;
  switch (action) {
    case 'talk':
      return { action, text: String(fields.text), loop: loopOf(fields, 'talk'), bargeIn, ...(typeof fields.language === 'string' ? { language: fields.language } : {}) };
    case 'stream':
      return { action, loop: loopOf(fields, 'a stream'), bargeIn };
    case 'input': {
      const types = Array.isArray(fields.type) ? fields.type : [];
      if (types.length !== 1 || types[0] !== 'dtmf') throw new Unsupported('the emulator collects DTMF only: input type must be ["dtmf"] (speech is not supported)');
      postOnly(fields, 'an input action');
      const dtmf = isObject(fields.dtmf) ? fields.dtmf : {};
      onlyFields(dtmf, dtmfFields, 'input.dtmf');
      const eventUrl = firstUrl(fields.eventUrl);
      return {
        action,
        maxDigits: numberIn(dtmf.maxDigits, nccoDefaults.maxDigits, 1, 20, 'dtmf.maxDigits'),
        timeOutMs: numberIn(dtmf.timeOut, nccoDefaults.inputTimeOutS, 0, 10, 'dtmf.timeOut') * 1000,
        submitOnHash: dtmf.submitOnHash === true,
        ...(eventUrl === undefined ? {} : { eventUrl }),
      };
    }
    case 'connect': {
      postOnly(fields, 'a connect action');
      const eventUrl = firstUrl(fields.eventUrl);
      return {
        action,
        endpoint: readEndpoint(fields.endpoint),
        ...(typeof fields.from === 'string' ? { from: fields.from.replace(/^\+/, '') } : {}),
        timeoutMs: numberIn(fields.timeout, nccoDefaults.connectTimeoutS, 3, 7200, 'connect timeout') * 1000,
        ...(eventUrl === undefined ? {} : { eventUrl }),
      };
    }
    case 'notify': {
      postOnly(fields, 'a notify action');
      const eventUrl = firstUrl(fields.eventUrl);
      if (eventUrl === undefined || !isObject(fields.payload)) throw new Unsupported('notify needs a payload object and an eventUrl');
      return { action, payload: fields.payload, eventUrl };
    }
  }
}

/** Reads an NCCO Vonage's checks accepted into the actions the emulator runs, or names what it cannot run. */
export function readNcco(ncco: readonly unknown[]): ReadNcco {
  try {
    return { ok: true, actions: ncco.map((item, index) => {
      if (!isObject(item)) throw new Unsupported(`action ${index} is not an object`);
      return readAction(item);
    }) };
  } catch (error) {
    if (error instanceof Unsupported) return { ok: false, problem: error.message };
    throw error;
  }
}
