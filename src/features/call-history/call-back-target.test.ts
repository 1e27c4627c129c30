import { describe, expect, it } from 'vitest';
import { callBackTarget } from './call-back-target';

describe('callBackTarget', () => {
  it('dials a phone caller in E.164, though the caller ID came without +', () => {
    expect(callBackTarget({ remote: '447700900123', channelType: 'phone' })).toBe('+447700900123');
    expect(callBackTarget({ remote: '+14155550100', channelType: 'phone' })).toBe('+14155550100');
  });

  it('dials an agent by name, cleaned of direction marks', () => {
    expect(callBackTarget({ remote: 'Joe', channelType: 'app' })).toBe('Joe');
    expect(callBackTarget({ remote: '\u202EJoe', channelType: 'app' })).toBe('Joe');
  });

  it('has nobody to call back for an unknown caller, a caller ID that is no number, or other channels', () => {
    expect(callBackTarget({ remote: '', channelType: 'phone' })).toBeUndefined();
    expect(callBackTarget({ remote: 'Anonymous', channelType: 'phone' })).toBeUndefined();
    expect(callBackTarget({ remote: 'sip:someone@example.com', channelType: 'sip' })).toBeUndefined();
  });
});
