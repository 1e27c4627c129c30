import { describe, expect, it } from 'vitest';
import { decodeClientFrame, disconnectFrame, encodeConnectAck, encodeEvent, encodeOpen } from './engine-io-framing.ts';

describe('engine.io / socket.io framing', () => {
  it('encodes the open handshake with the heartbeat the client will obey', () => {
    const frame = encodeOpen({ sid: 'abc', pingInterval: 25000, pingTimeout: 20000 });
    expect(frame.startsWith('0')).toBe(true);
    expect(JSON.parse(frame.slice(1))).toEqual({
      sid: 'abc',
      upgrades: [],
      pingInterval: 25000,
      pingTimeout: 20000,
      maxPayload: 1000000,
    });
  });

  it('encodes connect ack, events and disconnect', () => {
    expect(encodeConnectAck('s1')).toBe('40{"sid":"s1"}');
    expect(encodeEvent('member:joined', { id: 3 })).toBe('42["member:joined",{"id":3}]');
    expect(disconnectFrame).toBe('41');
  });

  it('decodes heartbeats, connect and disconnect', () => {
    expect(decodeClientFrame('2')).toEqual({ kind: 'ping' });
    expect(decodeClientFrame('3')).toEqual({ kind: 'pong' });
    expect(decodeClientFrame('40')).toEqual({ kind: 'connect' });
    expect(decodeClientFrame('40{"token":"x"}')).toEqual({ kind: 'connect' });
    expect(decodeClientFrame('41')).toEqual({ kind: 'disconnect' });
  });

  it('decodes an event with its arguments, with or without an ack id', () => {
    const logout = { tid: 't-1', body: {} };
    expect(decodeClientFrame(`42${JSON.stringify(['session:logout', logout])}`)).toEqual({
      kind: 'event',
      name: 'session:logout',
      args: [logout],
    });
    expect(decodeClientFrame('4217["echo",1]')).toEqual({ kind: 'event', name: 'echo', args: [1] });
  });

  it('treats malformed frames as unknown instead of throwing', () => {
    expect(decodeClientFrame('42[oops')).toEqual({ kind: 'unknown', raw: '42[oops' });
    expect(decodeClientFrame('42{"a":1}')).toEqual({ kind: 'unknown', raw: '42{"a":1}' });
    expect(decodeClientFrame('6')).toEqual({ kind: 'unknown', raw: '6' });
  });

  it('round-trips what it encodes', () => {
    const frame = encodeEvent('audio:dtmf', { digit: '5' });
    expect(decodeClientFrame(frame)).toEqual({ kind: 'event', name: 'audio:dtmf', args: [{ digit: '5' }] });
  });
});
