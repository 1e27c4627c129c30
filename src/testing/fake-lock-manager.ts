import type { LockRequester } from '@/lib/tab-leadership';

interface Request {
  name: string;
  tab: number;
  grant(): void;
  fail(error: unknown): void;
}

interface Held {
  tab: number;
  /** Ends the holder's request with `error` instead of waiting for its callback (a closed tab, a steal). */
  drop(error: unknown): void;
}

const abortError = () => new DOMException('The request was aborted.', 'AbortError');

/**
 * Web Locks as one browser profile keeps them, for tabs simulated in one test: exclusive locks granted first
 * come, first served; an aborted queued request is withdrawn; a closed tab's locks and requests go, and the
 * next request in line is granted. Each `tab()` is what that tab's `navigator.locks` would be.
 */
export class FakeLockManager {
  private readonly held = new Map<string, Held>();
  private readonly queue: Request[] = [];
  private nextTab = 0;

  tab(): LockRequester & { close(): void; steal(name: string): void } {
    const tab = this.nextTab++;
    const request = ((name: string, ...rest: [LockGrantedCallback<unknown>] | [LockOptions, LockGrantedCallback<unknown>]) =>
      rest.length === 1 ? this.request(tab, name, {}, rest[0]) : this.request(tab, name, ...rest)) as LockRequester['request'];
    return { request, close: () => this.close(tab), steal: (name) => this.steal(tab, name) };
  }

  /** The tab holding `name`, if any. */
  holder(name: string): number | undefined {
    return this.held.get(name)?.tab;
  }

  waiting(name: string): number {
    return this.queue.filter((request) => request.name === name).length;
  }

  private request(tab: number, name: string, options: LockOptions, callback: LockGrantedCallback<unknown>): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const entry: Request = {
        name,
        tab,
        fail: reject,
        grant: () => {
          let dropped = false;
          this.held.set(name, {
            tab,
            drop: (error) => {
              dropped = true;
              reject(error);
            },
          });
          void Promise.resolve()
            .then(() => callback({ name, mode: 'exclusive' }))
            .then(resolve, reject)
            .finally(() => {
              if (dropped || this.held.get(name)?.tab !== tab) return;
              this.held.delete(name);
              this.grantNext(name);
            });
        },
      };
      options.signal?.addEventListener('abort', () => {
        const index = this.queue.indexOf(entry);
        if (index < 0) return;
        this.queue.splice(index, 1);
        reject(abortError());
      });
      this.queue.push(entry);
      this.grantNext(name);
    });
  }

  private grantNext(name: string) {
    if (this.held.has(name)) return;
    const index = this.queue.findIndex((request) => request.name === name);
    if (index < 0) return;
    const [next] = this.queue.splice(index, 1);
    next?.grant();
  }

  private close(tab: number) {
    for (let index = this.queue.length - 1; index >= 0; index--) {
      if (this.queue[index]?.tab === tab) this.queue.splice(index, 1);
    }
    for (const [name, held] of [...this.held]) {
      if (held.tab !== tab) continue;
      this.held.delete(name);
      this.grantNext(name);
    }
  }

  private steal(tab: number, name: string) {
    const held = this.held.get(name);
    this.held.set(name, { tab, drop: () => undefined });
    held?.drop(abortError());
  }
}
