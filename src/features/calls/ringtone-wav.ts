// A ringtone made in code (no audio file to ship): the UK double ring, 400 Hz + 450 Hz, 0.4 s on, 0.2 s off,
// 0.4 s on, 2 s off. Played by an <audio loop> element so the browser's own media controls and QA can see it.

const sampleRate = 8000;
const cadence: Array<[on: boolean, seconds: number]> = [[true, 0.4], [false, 0.2], [true, 0.4], [false, 2]];

function pcmSamples(): Int16Array {
  const total = Math.round(cadence.reduce((sum, [, seconds]) => sum + seconds, 0) * sampleRate);
  const samples = new Int16Array(total);
  let offset = 0;
  for (const [on, seconds] of cadence) {
    const count = Math.round(seconds * sampleRate);
    if (on) {
      for (let i = 0; i < count; i += 1) {
        const t = i / sampleRate;
        samples[offset + i] = Math.round(6000 * (Math.sin(2 * Math.PI * 400 * t) + Math.sin(2 * Math.PI * 450 * t)));
      }
    }
    offset += count;
  }
  return samples;
}

/** A mono 16-bit PCM WAV file. */
export function ringtoneWav(): Blob {
  const samples = pcmSamples();
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
