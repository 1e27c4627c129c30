import { describe, expect, it } from 'vitest';
import { CloudError } from '../src/fake-cloud/cloud-context.ts';
import { isMootOffer } from './phone-socket.ts';

describe('what the Phone page is told when a request fails', () => {
  const noCall = new CloudError(409, 'phone:error:no-call', 'Phone 442079460503 has no connected call LEG-1');

  it('an offer for a call that ended meanwhile is dropped: the page already shows the end', () => {
    expect(isMootOffer({ type: 'offer', callId: 'LEG-1', sdp: 'v=0' }, noCall)).toBe(true);
  });

  it('any other refusal is shown: an offer refused for another reason, or another request without a call', () => {
    expect(isMootOffer({ type: 'offer', callId: 'LEG-1', sdp: 'v=0' }, new CloudError(400, 'phone:error:bad-sdp', 'bad'))).toBe(false);
    expect(isMootOffer({ type: 'offer', callId: 'LEG-1', sdp: 'v=0' }, new Error('media failed'))).toBe(false);
    expect(isMootOffer({ type: 'hangup' }, noCall)).toBe(false);
  });
});
