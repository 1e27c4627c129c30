// Vonage's call events for every leg an NCCO run creates or drives, posted to the event URL. A failing event
// URL never changes the call (Vonage does not wait on it either); what was posted is kept for the snapshot.
import type { CallEvent, ContactCenterWebhooks } from './contact-center-port.ts';
import type { ContactCenterCallSnapshot } from './contact-center-record.ts';

export interface LegIdentity {
  uuid: string;
  conversation_uuid: string;
  direction: 'inbound' | 'outbound';
  from: string;
  to: string;
}

export class CallEventPoster {
  private readonly webhooks: ContactCenterWebhooks;
  private readonly record: ContactCenterCallSnapshot;
  private readonly now: () => string;
  private readonly answeredAt = new Map<string, number>();

  constructor(webhooks: ContactCenterWebhooks, record: ContactCenterCallSnapshot, now: () => string) {
    this.webhooks = webhooks;
    this.record = record;
    this.now = now;
  }

  /** `completed` carries the seconds since `answered` (Vonage's `duration`, a string). */
  leg(status: string, leg: LegIdentity, eventUrl?: string, extra: Partial<CallEvent> = {}): void {
    const timestamp = this.now();
    if (status === 'answered') this.answeredAt.set(leg.uuid, Date.parse(timestamp));
    const answered = this.answeredAt.get(leg.uuid);
    const duration = status === 'completed' ? String(answered === undefined ? 0 : Math.round((Date.parse(timestamp) - answered) / 1000)) : undefined;
    this.send(leg.uuid, status, eventUrl, { status, ...leg, timestamp, ...(duration === undefined ? {} : { duration }), ...extra });
  }

  /** Vonage's error callback: an NCCO it cannot run (reason, conversation_uuid, timestamp). */
  error(reason: string): void {
    this.send(this.record.id, 'error', undefined, { reason, conversation_uuid: this.record.conversationId, timestamp: this.now() });
  }

  private send(uuid: string, status: string, eventUrl: string | undefined, payload: Parameters<ContactCenterWebhooks['event']>[1]) {
    this.record.events.push({ uuid, status });
    this.webhooks.event(eventUrl, payload).catch((error: unknown) => {
      console.warn(`[emulator] the event URL refused the ${status} event`, error instanceof Error ? error.message : error);
    });
  }
}
