// The recovery record in sessionStorage: it belongs to this tab only (another tab of the same agent has its
// own session), survives a reload, and is gone when the tab closes. What is read back is checked field by
// field, since anything (an older version of the app, a user) may have written it.
import type { RecoverableCall, RecoveryRecord, RecoveryStorage } from '@/store/recovery-record';

const storageKey = 'softphone.recovery.v1';
const channelTypes = new Set(['app', 'phone', 'sip', 'websocket']);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 512;
const isInstant = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0;

function readCall(value: unknown): RecoverableCall | undefined {
  if (!isObject(value)) return undefined;
  const { callId, direction, remote, channelType, startedAt, answeredAt, muted, soundCheck } = value;
  if (!isText(callId) || (direction !== 'inbound' && direction !== 'outbound') || typeof remote !== 'string') return undefined;
  if (typeof channelType !== 'string' || !channelTypes.has(channelType)) return undefined;
  if (!isInstant(startedAt) || !isInstant(answeredAt) || typeof muted !== 'boolean') return undefined;
  const call: RecoverableCall = { callId, direction, remote, channelType: channelType as RecoverableCall['channelType'], startedAt, answeredAt, muted };
  return soundCheck === true ? { ...call, soundCheck: true } : call;
}

export function parseRecoveryRecord(raw: string | null): RecoveryRecord | undefined {
  if (raw === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isObject(value) || !isText(value.agentName) || !isText(value.sessionId) || !Array.isArray(value.calls)) return undefined;
  const calls = value.calls.map(readCall);
  if (calls.some((call) => call === undefined)) return undefined;
  return { agentName: value.agentName, sessionId: value.sessionId, calls: calls as RecoverableCall[] };
}

export function tabRecoveryStorage(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined): RecoveryStorage {
  return {
    read() {
      try {
        return parseRecoveryRecord(storage?.getItem(storageKey) ?? null);
      } catch {
        return undefined; // storage disabled by the browser's settings: nothing to resume
      }
    },
    write(record) {
      try {
        if (record) storage?.setItem(storageKey, JSON.stringify(record));
        else storage?.removeItem(storageKey);
      } catch {
        // Full or disabled storage only costs the recovery after a reload; the call itself goes on.
      }
    },
  };
}
