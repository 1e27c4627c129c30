import { Connect, NCCOBuilder, Talk, type NCCOAction } from '@vonage/voice';
import { appEndpoint } from '../contact-center/inbound-ncco';

export type TransferTarget = { kind: 'phone'; number: string } | { kind: 'app'; user: string };

// As long as an outbound call from an agent rings (agent-call-ncco.ts): long enough for a person.
const ringTimeoutSeconds = 20;

/** What the transferred party hears and where they go; a number is called from the contact center's number. */
export function transferNcco(target: TransferTarget, contactCenterNumber: string): NCCOAction[] {
  const hold = new Talk('Please hold while we transfer your call.');
  const connect =
    target.kind === 'phone'
      ? new Connect({ type: 'phone', number: target.number }, contactCenterNumber, undefined, undefined, ringTimeoutSeconds)
      : new Connect(appEndpoint(target.user));
  return new NCCOBuilder().addAction(hold).addAction(connect).build();
}
