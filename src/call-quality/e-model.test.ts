import { describe, expect, it } from 'vitest';
import { estimateMos, mosFromRating, qualityLevel, rating } from './e-model';

describe('the E-model', () => {
  it('gives the textbook figures for R', () => {
    // G.107 Annex B: R 93.2 is MOS 4.41 (the default, an ideal G.711 call); R 80 is 4.02, R 60 is 3.10, R 50 is 2.58.
    expect(mosFromRating(93.2)).toBeCloseTo(4.41, 2);
    expect(mosFromRating(80)).toBeCloseTo(4.02, 2);
    expect(mosFromRating(60)).toBeCloseTo(3.1, 2);
    expect(mosFromRating(50)).toBeCloseTo(2.58, 2);
    expect(mosFromRating(-5)).toBe(1);
    expect(mosFromRating(120)).toBe(4.5);
  });

  it('charges delay gently below 177.3 ms one way and steeply above', () => {
    // 20 ms coding + 2 × 0 jitter + rtt/2: rtt 0 → d 20 → Id 0.48.
    expect(rating({ lossPercent: 0, jitterMs: 0, rttMs: 0 })).toBeCloseTo(93.2 - 0.48, 5);
    // rtt 400 → d 220 → Id 0.024·220 + 0.11·42.7 = 5.28 + 4.697.
    expect(rating({ lossPercent: 0, jitterMs: 0, rttMs: 400 })).toBeCloseTo(93.2 - 5.28 - 4.697, 3);
  });

  it('charges loss as G.711 with concealment (Bpl 25.1)', () => {
    // 5 % random loss: Ie,eff = 95·5/(5 + 25.1) = 15.78.
    expect(rating({ lossPercent: 5, jitterMs: 0, rttMs: 0 })).toBeCloseTo(93.2 - 0.48 - 15.78, 2);
  });

  it('reads a clean LAN call as Good, moderate loss as Fair, heavy loss and jitter as Poor', () => {
    const clean = estimateMos({ lossPercent: 0, jitterMs: 2, rttMs: 20 });
    expect(clean).toBeCloseTo(4.39, 2);
    expect(qualityLevel(clean)).toBe('Good');
    expect(qualityLevel(estimateMos({ lossPercent: 4, jitterMs: 20, rttMs: 100 }))).toBe('Fair');
    expect(qualityLevel(estimateMos({ lossPercent: 20, jitterMs: 60, rttMs: 100 }))).toBe('Poor');
  });

  it('draws the bands at MOS 4.0 and 3.1', () => {
    expect(qualityLevel(4.0)).toBe('Good');
    expect(qualityLevel(3.99)).toBe('Fair');
    expect(qualityLevel(3.1)).toBe('Fair');
    expect(qualityLevel(3.09)).toBe('Poor');
  });
});
