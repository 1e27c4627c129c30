// Speaks the contact center's `talk` prompts with the browser's speech synthesis, where there is one. Each new
// prompt interrupts the last, and the voice stops with the call. Automated browsers speak silently.
import type { PhoneSnapshot } from '@/fake-cloud/phone-protocol';

export class PromptSpeech {
  private spoken: string | undefined;

  follow(phone: PhoneSnapshot | undefined): void {
    const prompt = phone?.status === 'connected' ? phone.prompt : undefined;
    if (prompt === this.spoken) return;
    this.spoken = prompt;
    if (typeof window.speechSynthesis === 'undefined') return;
    window.speechSynthesis.cancel();
    if (prompt === undefined) return;
    const utterance = new SpeechSynthesisUtterance(prompt);
    utterance.volume = navigator.webdriver ? 0 : 1;
    window.speechSynthesis.speak(utterance);
  }

  stop(): void {
    this.spoken = undefined;
    if (typeof window.speechSynthesis !== 'undefined') window.speechSynthesis.cancel();
  }
}
