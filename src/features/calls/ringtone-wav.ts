// Ring tones made in code (no audio files to ship), played by an <audio loop> element so the browser's own
// media handling applies and QA can see whether it plays.

const sampleRate = 8000;

interface Tone {
  frequencies: number[];
  /** Peak of each sine, out of 32767. */
  amplitude: number;
  cadence: Array<[on: boolean, seconds: number]>;
}

/** The UK double ring, 400 Hz + 450 Hz: 0.4 s on, 0.2 s off, 0.4 s on, 2 s off. */
const ringTone: Tone = { frequencies: [400, 450], amplitude: 6000, cadence: [[true, 0.4], [false, 0.2], [true, 0.4], [false, 2]] };

/** While the agent is on a call: two short, quiet beeps every 6 s instead of a ring in their ear. */
const callWaitingTone: Tone = { frequencies: [440], amplitude: 2500, cadence: [[true, 0.2], [false, 0.2], [true, 0.2], [false, 5.4]] };

function pcmSamples(tone: Tone): Int16Array {
  const total = Math.round(tone.cadence.reduce((sum, [, seconds]) => sum + seconds, 0) * sampleRate);
  const samples = new Int16Array(total);
  let offset = 0;
  for (const [on, seconds] of tone.cadence) {
    const count = Math.round(seconds * sampleRate);
    if (on) {
      for (let i = 0; i < count; i += 1) {
        const t = i / sampleRate;
        const sum = tone.frequencies.reduce((value, frequency) => value + Math.sin(2 * Math.PI * frequency * t), 0);
        samples[offset + i] = Math.round(tone.amplitude * sum);
      }
    }
    offset += count;
  }
  return samples;
}

export function ringtoneWav(): Blob {
  return wavFile(pcmSamples(ringTone));
}

export function callWaitingWav(): Blob {
  return wavFile(pcmSamples(callWaitingTone));
}

/** A mono 16-bit PCM WAV file. */
function wavFile(samples: Int16Array): Blob {
  const header = new DataView(new ArrayBuffer(44));
  const ascii = (at: number, text: string) => [...text].forEach((char, i) => header.setUint8(at + i, char.charCodeAt(0)));
  ascii(0, 'RIFF');
  header.setUint32(4, 36 + samples.byteLength, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  header.setUint32(16, 16, true);
  header.setUint16(20, 1, true);
  header.setUint16(22, 1, true);
  header.setUint32(24, sampleRate, true);
  header.setUint32(28, sampleRate * 2, true);
  header.setUint16(32, 2, true);
  header.setUint16(34, 16, true);
  ascii(36, 'data');
  header.setUint32(40, samples.byteLength, true);
  return new Blob([header.buffer, samples.buffer as ArrayBuffer], { type: 'audio/wav' });
}
