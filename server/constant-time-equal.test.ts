import { describe, expect, it } from 'vitest';
import { constantTimeEqual } from './constant-time-equal';

describe('constantTimeEqual', () => {
  it('is true only for identical strings, whatever their lengths', () => {
    expect(constantTimeEqual('demo-mobile-key', 'demo-mobile-key')).toBe(true);
    expect(constantTimeEqual('demo-mobile-kez', 'demo-mobile-key')).toBe(false);
    expect(constantTimeEqual('demo', 'demo-mobile-key')).toBe(false);
    expect(constantTimeEqual('', 'demo-mobile-key')).toBe(false);
    expect(constantTimeEqual('é', 'e\u0301')).toBe(false);
  });
});
