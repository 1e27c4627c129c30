// The `input` action's DTMF collection: up to maxDigits, submitted timeOut after the last key (or after the
// action starts), or at once on '#' with submitOnHash ('#' is then not part of the digits).
import type { NccoAction } from './ncco-actions.ts';

export type InputAction = Extract<NccoAction, { action: 'input' }>;

export interface DtmfResult {
  digits: string;
  timedOut: boolean;
}

export class DtmfCollector {
  private digits: string;
  private readonly action: InputAction;
  private readonly done: (result: DtmfResult) => void;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private finished = false;

  /** `early`: keys that barged in on the prompt before the input began. */
  constructor(action: InputAction, early: string, done: (result: DtmfResult) => void) {
    this.action = action;
    this.done = done;
    this.digits = '';
    for (const key of early) this.press(key);
    if (!this.finished) this.arm();
  }

  press(key: string): void {
    if (this.finished) return;
    if (key === '#' && this.action.submitOnHash) {
      this.finish(false);
      return;
    }
    this.digits += key;
    if (this.digits.length >= this.action.maxDigits) this.finish(false);
    else this.arm();
  }

  /** The call ended: nothing is submitted. */
  cancel(): void {
    this.finished = true;
    clearTimeout(this.timer);
  }

  private arm() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.finish(true), this.action.timeOutMs);
  }

  private finish(timedOut: boolean) {
    if (this.finished) return;
    this.finished = true;
    clearTimeout(this.timer);
    this.done({ digits: this.digits, timedOut });
  }
}
