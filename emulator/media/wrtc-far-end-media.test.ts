import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { WrtcFarEndMedia } from './wrtc-far-end-media.ts';

describe('WrtcFarEndMedia: a call connected to a websocket', () => {
  let server: WebSocketServer | undefined;
  const media = new WrtcFarEndMedia();
  afterEach(async () => {
    media.closeAll();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  async function echoServer() {
    const listening = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    server = listening;
    await new Promise<void>((resolve) => listening.once('listening', resolve));
    const closes: number[] = [];
    listening.on('connection', (socket) => {
      socket.on('message', (data, isBinary) => isBinary && socket.send(data, { binary: true }));
      socket.on('close', (code) => closes.push(code));
    });
    return { uri: `ws://127.0.0.1:${(listening.address() as AddressInfo).port}/webhooks/echo`, closes };
  }

  it('reports its frames, keeps the socket when the peer is severed, and closes it with the call', async () => {
    const { uri, closes } = await echoServer();
    expect(media.websocketStats('CALL-1')).toBeUndefined();
    const leg = await media.connectWebsocket('CALL-1', uri, { contentType: 'audio/l16;rate=16000', headers: {} });
    await expect.poll(() => media.websocketStats('CALL-1')?.framesReceived ?? 0).toBeGreaterThan(3);

    // A severed path (media repair follows) is not the end of the call: the socket stays.
    media.sever('CALL-1');
    const before = leg.framesSent();
    await expect.poll(() => leg.framesSent()).toBeGreaterThan(before);
    expect(closes).toEqual([]);

    media.close('CALL-1');
    await expect.poll(() => closes).toEqual([1000]);
    const final = media.websocketStats('CALL-1');
    expect(final?.framesSent).toBe(leg.framesSent());
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(media.websocketStats('CALL-1')).toEqual(final);
  });
});
