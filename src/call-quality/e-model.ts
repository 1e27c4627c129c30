// The ITU-T G.107 E-model, simplified as is usual for VoIP monitoring (Cole & Rosenbluth, "Voice over IP
// performance monitoring", 2001): every impairment at its default except delay (Id) and loss (Ie,eff).
//
//   R = 93.2 − Id − Ie,eff
//   Id = 0.024·d + 0.11·(d − 177.3)·H(d − 177.3)            d: one-way mouth-to-ear delay (ms)
//   Ie,eff = Ie + (95 − Ie) · Ppl / (Ppl / BurstR + Bpl)    Ppl: packet loss (%), BurstR 1 (random loss)
//   MOS = 1 + 0.035·R + R·(R − 60)·(100 − R)·7·10⁻⁶          (1 below R = 0, 4.5 above R = 100)
//
// d is half the round trip, plus the jitter buffer (taken as twice the jitter, what an adaptive buffer holds)
// and 20 ms of packetisation and coding (one Opus frame). G.113 lists no Ie/Bpl for Opus; G.711 with packet
// loss concealment (Ie 0, Bpl 25.1) stands in: both are full-band-quality codecs that conceal lost frames,
// and G.711 is the conservative one of the two (Opus degrades more gracefully).

export interface NetworkConditions {
  /** Share of audio lost or concealed, 0–100. */
  lossPercent: number;
  /** Interarrival jitter (ms). */
  jitterMs: number;
  /** Round-trip time (ms). */
  rttMs: number;
}

const defaultR = 93.2;
const codecIe = 0;
const codecBpl = 25.1;
const burstRatio = 1;
const codingDelayMs = 20;

/** The transmission rating factor R (0–100). */
export function rating({ lossPercent, jitterMs, rttMs }: NetworkConditions): number {
  const delay = Math.max(0, rttMs) / 2 + 2 * Math.max(0, jitterMs) + codingDelayMs;
  const id = 0.024 * delay + (delay > 177.3 ? 0.11 * (delay - 177.3) : 0);
  const loss = Math.min(100, Math.max(0, lossPercent));
  const ieEff = codecIe + ((95 - codecIe) * loss) / (loss / burstRatio + codecBpl);
  return defaultR - id - ieEff;
}

/** MOS (1–4.5) from R, per G.107 Annex B. */
export function mosFromRating(r: number): number {
  if (r <= 0) return 1;
  if (r >= 100) return 4.5;
  return 1 + 0.035 * r + r * (r - 60) * (100 - r) * 7e-6;
}

/** The estimated mean opinion score of a call's audio under these conditions. */
export function estimateMos(conditions: NetworkConditions): number {
  return mosFromRating(rating(conditions));
}

export type QualityLevel = 'Good' | 'Fair' | 'Poor';

/**
 * G.107 Annex B's user-satisfaction bands: R ≥ 80 (MOS ≈ 4.0) "satisfied" or better reads Good; R 60–80
 * (MOS 3.1–4.0) "some" to "many users dissatisfied" reads Fair; below R 60 (MOS 3.1) "nearly all users
 * dissatisfied" reads Poor.
 */
export function qualityLevel(mos: number): QualityLevel {
  if (mos >= 4.0) return 'Good';
  if (mos >= 3.1) return 'Fair';
  return 'Poor';
}
