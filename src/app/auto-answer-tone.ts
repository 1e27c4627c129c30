// The short tone that tells the agent an invite is being answered by itself: two quick beeps, made with Web
// Audio so no file is fetched. A browser that blocks audio simply stays silent; the call is still answered.
let context: AudioContext | undefined;

export function playAutoAnswerTone() {
  try {
    context ??= new AudioContext();
    const start = context.currentTime;
    for (const offset of [0, 0.18]) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = 880;
      gain.gain.setValueAtTime(0.12, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.001, start + offset + 0.12);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.12);
    }
  } catch {
    // No Web Audio here: the answer itself is what matters.
  }
}
