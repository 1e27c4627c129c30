import { describe, expect, it } from 'vitest';
import { readPhoneRequest } from './phone-protocol.ts';

describe('readPhoneRequest', () => {
  it('reads each request a Phone page sends', () => {
    expect(readPhoneRequest('{"type":"dial","to":"Jane"}')).toEqual({ type: 'dial', to: 'Jane' });
    expect(readPhoneRequest('{"type":"answer"}')).toEqual({ type: 'answer' });
    expect(readPhoneRequest('{"type":"reject","extra":1}')).toEqual({ type: 'reject' });
    expect(readPhoneRequest('{"type":"hangup"}')).toEqual({ type: 'hangup' });
    expect(readPhoneRequest('{"type":"key","key":"#"}')).toEqual({ type: 'key', key: '#' });
    expect(readPhoneRequest('{"type":"offer","callId":"LEG-1","sdp":"v=0"}')).toEqual({ type: 'offer', callId: 'LEG-1', sdp: 'v=0' });
  });

  it('refuses anything else', () => {
    for (const text of ['', 'nope', 'null', '[]', '{"type":"dial"}', '{"type":"key","key":"A"}', '{"type":"offer","sdp":"v=0"}', '{"type":"explode"}']) {
      expect(readPhoneRequest(text)).toBeUndefined();
    }
  });
});
