import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startRingTone, useRingTone } from './ring-tone';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

/** Just enough of Web Audio to see what the ring tone asks for: its clock is set by the test. */
class FakeAudioContext {
  currentTime = 0;
  state: AudioContextState = 'running';
  closed = false;
  readonly destination = {};
  readonly oscillators: Array<{ frequency: { value: number }; started: boolean; stopped: boolean; connected: boolean }> = [];
  readonly levels: Array<{ value: number; at: number }> = [];
  gainConnected = false;

  createGain() {
    const levels = this.levels;
    const gain = {
      gain: {
        value: 1,
        setTargetAtTime: (value: number, at: number) => levels.push({ value, at }),
        cancelScheduledValues: () => undefined,
      },
      connect: () => (this.gainConnected = true),
      disconnect: () => (this.gainConnected = false),
    };
    return gain;
  }

  createOscillator() {
    const oscillator = {
      frequency: { value: 440 },
      started: false,
      stopped: false,
      connected: false,
      connect: () => (oscillator.connected = true),
      disconnect: () => (oscillator.connected = false),
      start: () => (oscillator.started = true),
      stop: () => (oscillator.stopped = true),
    };
    this.oscillators.push(oscillator);
    return oscillator;
  }

  resume() {
    this.state = 'running';
    return Promise.resolve();
  }

  close() {
    this.closed = true;
    this.state = 'closed';
    return Promise.resolve();
  }
}

let contexts: FakeAudioContext[];
const createContext = () => {
  const context = new FakeAudioContext();
  contexts.push(context);
  return context as unknown as AudioContext;
};

function contextAt(index: number): FakeAudioContext {
  const context = contexts[index];
  if (!context) throw new Error(`No AudioContext #${index} was created`);
  return context;
}

beforeEach(() => {
  contexts = [];
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('startRingTone', () => {
  it('rings the UK double ring: 400 Hz and 450 Hz, 0.4 s on, 0.2 s off, 0.4 s on, 2 s off', () => {
    const tone = startRingTone(createContext);
    const context = contextAt(0);
    expect(context.oscillators.map((oscillator) => oscillator.frequency.value)).toEqual([400, 450]);
    expect(context.oscillators.every((oscillator) => oscillator.started && oscillator.connected)).toBe(true);
    expect(context.gainConnected).toBe(true);
    const firstCycles = context.levels.slice(0, 8).map(({ value, at }) => [value > 0 ? 'on' : 'off', Number(at.toFixed(3))]);
    expect(firstCycles).toEqual([
      ['on', 0],
      ['off', 0.4],
      ['on', 0.6],
      ['off', 1],
      ['on', 3],
      ['off', 3.4],
      ['on', 3.6],
      ['off', 4],
    ]);
    tone.stop();
  });

  it('keeps ringing as the audio clock goes on, scheduling ahead of it', () => {
    const tone = startRingTone(createContext);
    const context = contextAt(0);
    context.currentTime = 30;
    vi.advanceTimersByTime(500);
    const latest = Math.max(...context.levels.map(({ at }) => at));
    expect(latest).toBeGreaterThan(33);
    tone.stop();
  });

  it('stops at once and releases its nodes, its timer and its AudioContext', () => {
    const tone = startRingTone(createContext);
    const context = contextAt(0);
    tone.stop();
    expect(context.oscillators.every((oscillator) => oscillator.stopped && !oscillator.connected)).toBe(true);
    expect(context.gainConnected).toBe(false);
    expect(context.closed).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    tone.stop();
  });

  it('asks a suspended AudioContext to start', () => {
    const suspended = () => {
      const context = createContext() as unknown as FakeAudioContext;
      context.state = 'suspended';
      return context as unknown as AudioContext;
    };
    const tone = startRingTone(suspended);
    expect(contextAt(0).state).toBe('running');
    tone.stop();
  });
});

describe('useRingTone', () => {
  let container: HTMLDivElement;
  let root: Root;

  function Phone({ ringing }: { ringing: boolean }) {
    useRingTone(ringing, createContext);
    return null;
  }

  beforeEach(() => {
    globalThis.IS_REACT_ACT_ENVIRONMENT = true;
    container = document.createElement('div');
    root = createRoot(container);
  });

  it('rings only while ringing, and stops when the call is answered or the page goes away', () => {
    act(() => root.render(<Phone ringing={false} />));
    expect(contexts).toHaveLength(0);
    act(() => root.render(<Phone ringing />));
    expect(contexts).toHaveLength(1);
    expect(contextAt(0).closed).toBe(false);
    // Answered (or rejected, or the caller gave up): no longer ringing.
    act(() => root.render(<Phone ringing={false} />));
    expect(contextAt(0).closed).toBe(true);

    act(() => root.render(<Phone ringing />));
    expect(contexts).toHaveLength(2);
    act(() => root.unmount());
    expect(contextAt(1).closed).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });
});
