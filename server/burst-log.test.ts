import { describe, expect, it } from 'vitest';
import { createBurstLog } from './burst-log';
import { createRecordingLogger } from './testing/recording-logger';

function setup(maxTrackedKeys?: number) {
  let time = 1_000_000;
  const logger = createRecordingLogger();
  const log = createBurstLog({ logger, now: () => time, quietMs: 60_000, ...(maxTrackedKeys === undefined ? {} : { maxTrackedKeys }) });
  return { log, logger, advance: (ms: number) => (time += ms) };
}

describe('createBurstLog', () => {
  it('logs the first of a burst at once, counts the repeats, and reports the count with the next line after the quiet time', () => {
    const { log, logger, advance } = setup();
    for (let attempt = 1; attempt <= 200; attempt += 1) log.warn('401 a', `401 attempt ${attempt}`);
    expect(logger.lines).toEqual(['warn 401 attempt 1']);

    advance(59_999);
    log.warn('401 a', '401 late');
    expect(logger.lines).toHaveLength(1);

    advance(1);
    log.warn('401 a', '401 next burst');
    advance(60_000);
    log.warn('401 a', '401 quiet again');
    expect(logger.lines).toEqual([
      'warn 401 attempt 1',
      'warn 401 next burst (and 200 more like it in the 60 s before)',
      'warn 401 quiet again',
    ]);
  });

  it('keeps keys apart', () => {
    const { log, logger } = setup();
    log.warn('401 a', 'a');
    log.warn('404 a', 'b');
    log.warn('401 b', 'c');
    log.warn('401 a', 'a again');
    expect(logger.lines).toEqual(['warn a', 'warn b', 'warn c']);
  });

  it('forgets the oldest burst when it tracks too many keys', () => {
    const { log, logger } = setup(2);
    log.warn('a', 'a');
    log.warn('b', 'b');
    log.warn('c', 'c');
    log.warn('b', 'b again');
    log.warn('a', 'a again');
    expect(logger.lines).toEqual(['warn a', 'warn b', 'warn c', 'warn a again']);
  });
});
