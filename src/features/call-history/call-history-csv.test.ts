import { describe, expect, it } from 'vitest';
import { historyEntry } from '@/history/testing/history-entry';
import { callHistoryCsv, callHistoryFileName } from './call-history-csv';

describe('callHistoryCsv', () => {
  it('writes one row per call with a header, numbers in E.164 kept as text, outcomes in words', () => {
    const csv = callHistoryCsv([
      historyEntry('A', Date.parse('2026-11-28T10:01:08Z'), { startedAt: Date.parse('2026-11-28T10:00:00Z'), answeredAt: Date.parse('2026-11-28T10:00:06Z'), durationSeconds: 62 }),
      historyEntry('B', Date.parse('2026-11-28T09:00:30Z'), {
        startedAt: Date.parse('2026-11-28T09:00:00Z'),
        answeredAt: undefined,
        direction: 'outbound',
        remote: 'Joe',
        channelType: 'app',
        durationSeconds: 0,
        outcome: 'Nobody answered.',
        missed: false,
      }),
      historyEntry('C', 10_000, { remote: '=cmd|"/c calc"!A1', channelType: 'app', missed: true, outcome: 'The caller hung up, twice.' }),
    ]);
    expect(csv.split('\r\n')).toEqual([
      'Direction,Other party,Started,Answered,Ended,Talk time (s),Outcome,Missed',
      "Inbound,'+447700900123,2026-11-28T10:00:00.000Z,2026-11-28T10:00:06.000Z,2026-11-28T10:01:08.000Z,62,The caller hung up.,No",
      'Outbound,Joe,2026-11-28T09:00:00.000Z,,2026-11-28T09:00:30.000Z,0,Nobody answered.,No',
      `Inbound,"'=cmd|""/c calc""!A1",1970-01-01T00:00:00.000Z,1970-01-01T00:00:02.000Z,1970-01-01T00:00:10.000Z,8,"The caller hung up, twice.",Yes`,
      '',
    ]);
  });
});

describe('callHistoryFileName', () => {
  it('names the file after the agent and the local date', () => {
    expect(callHistoryFileName('Jane', new Date(2026, 10, 8, 23, 59))).toBe('call-history-Jane-2026-11-08.csv');
  });

  it('keeps only safe characters of the agent name', () => {
    expect(callHistoryFileName('../Mary Ann', new Date(2026, 0, 2))).toBe('call-history-Mary_Ann-2026-01-02.csv');
    expect(callHistoryFileName('***', new Date(2026, 0, 2))).toBe('call-history-agent-2026-01-02.csv');
  });
});
