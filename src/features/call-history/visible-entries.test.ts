import { describe, expect, it } from 'vitest';
import { historyEntry } from '@/history/testing/history-entry';
import { visibleEntries } from './visible-entries';

const entries = [
  historyEntry('answered-in', 5, { remote: '442079460018' }),
  historyEntry('missed', 4, { remote: '447700900123', missed: true, answeredAt: undefined }),
  historyEntry('out-phone', 3, { direction: 'outbound', remote: '+14155550100' }),
  historyEntry('out-agent', 2, { direction: 'outbound', remote: 'Joe', channelType: 'app' }),
  historyEntry('in-agent', 1, { remote: 'Mary Ann', channelType: 'app' }),
];
const ids = (filter: Parameters<typeof visibleEntries>[1], search = '') => visibleEntries(entries, filter, search).map((entry) => entry.id);

describe('visibleEntries', () => {
  it('filters All, Missed, Inbound, Outbound, keeping the order', () => {
    expect(ids('all')).toEqual(['answered-in', 'missed', 'out-phone', 'out-agent', 'in-agent']);
    expect(ids('missed')).toEqual(['missed']);
    expect(ids('inbound')).toEqual(['answered-in', 'missed', 'in-agent']);
    expect(ids('outbound')).toEqual(['out-phone', 'out-agent']);
  });

  it('finds numbers by their digits, whatever spaces, dashes, brackets or + the agent types', () => {
    expect(ids('all', '7946 0018')).toEqual(['answered-in']);
    expect(ids('all', '+44 (20) 7946-0018')).toEqual(['answered-in']);
    expect(ids('all', '+44')).toEqual(['answered-in', 'missed']);
    expect(ids('all', '415 555')).toEqual(['out-phone']);
  });

  it('finds names ignoring case, and combines with the filter', () => {
    expect(ids('all', 'joe')).toEqual(['out-agent']);
    expect(ids('all', '  mary a ')).toEqual(['in-agent']);
    expect(ids('inbound', 'joe')).toEqual([]);
    expect(ids('missed', '7700')).toEqual(['missed']);
  });

  it('shows everything for an empty search and nothing for one that matches no call', () => {
    expect(ids('all', '   ')).toHaveLength(5);
    expect(ids('all', 'Zed')).toEqual([]);
    expect(ids('all', '999999')).toEqual([]);
  });
});
