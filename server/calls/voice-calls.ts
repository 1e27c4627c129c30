// The part of Vonage's Voice API a transfer needs, behind a port: the handler is tested against a fake, and
// production reads it through @vonage/voice (whose responses mix camelCase and snake_case; read both here).
import type { NCCOAction, Voice } from '@vonage/voice';

export interface CallEndpoint {
  type: string;
  user?: string;
  number?: string;
}

export interface CallLeg {
  uuid: string;
  conversationUuid: string;
  status: string;
  from?: CallEndpoint;
  to?: CallEndpoint;
}

export interface VoiceCalls {
  /** Undefined when Vonage does not know the leg. */
  getCall(uuid: string): Promise<CallLeg | undefined>;
  /** Every leg of one conversation. */
  legsOf(conversationUuid: string): Promise<CallLeg[]>;
  /** Moves the leg out of its conversation into a new NCCO. */
  transfer(uuid: string, ncco: NCCOAction[]): Promise<void>;
}

type Loose = Record<string, unknown>;

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function endpoint(value: unknown): CallEndpoint | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { type, user, number } = value as Loose;
  if (typeof type !== 'string') return undefined;
  return { type, ...(text(user) === undefined ? {} : { user: text(user) }), ...(text(number) === undefined ? {} : { number: text(number) }) };
}

export function readCallLeg(value: unknown): CallLeg | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const call = value as Loose;
  const uuid = text(call.uuid);
  const conversationUuid = text(call.conversation_uuid) ?? text(call.conversationUUID) ?? text(call.conversationUuid);
  if (uuid === undefined || conversationUuid === undefined) return undefined;
  const from = endpoint(call.from);
  const to = endpoint(call.to);
  return { uuid, conversationUuid, status: text(call.status) ?? 'unknown', ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** A 404 from the Voice API: the leg does not exist (or no longer). */
function isNotFound(error: unknown): boolean {
  const response = (error as { response?: { status?: number } } | undefined)?.response;
  return response?.status === 404;
}

export function vonageVoiceCalls(voice: Voice): VoiceCalls {
  return {
    async getCall(uuid) {
      try {
        return readCallLeg(await voice.getCall(uuid));
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
    async legsOf(conversationUuid) {
      const page = await voice.search({ conversationUuid });
      return (page._embedded?.calls ?? []).map(readCallLeg).filter((leg): leg is CallLeg => leg !== undefined);
    },
    transfer: (uuid, ncco) => voice.transferCallWithNCCO(uuid, ncco),
  };
}
