import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Logger } from '../logger';
import { logSafe } from './log-safe';
import { echoSocketPath } from './webhook-urls';

export interface EchoSocket {
  /** True when the upgrade was for the echo path and has been taken; false leaves it to the host. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Ends every echo call and stops accepting new ones. */
  close(): void;
}

interface EchoSocketOptions {
  logger?: Logger;
  maxConnections?: number;
  /** How long each frame waits before it goes back: the agent hears their voice about a second later. */
  delayMs?: number;
}

// Vonage sends 640-byte frames (20 ms of 16 kHz 16-bit PCM); anything far larger is not Vonage.
const maxFrameBytes = 64 * 1024;
// About a second of audio queued for a slow peer; past that, frames are dropped rather than buffered forever.
const maxBufferedBytes = 32 * 1024;
// One second: 50 frames of 20 ms, as the sound check promises.
const defaultDelayMs = 1000;
// The delay line holds a second of Vonage's audio (32 KB); twice that at most, however fast frames arrive.
const maxQueuedBytes = 64 * 1024;
const noLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

function describeText(data: RawData): string {
  try {
    const message: unknown = JSON.parse(data.toString());
    if (typeof message === 'object' && message !== null) {
      const fields = message as Record<string, unknown>;
      // Only the event and content type: the metadata also echoes the NCCO's headers, which may hold secrets.
      return `${logSafe(fields.event)} (${logSafe(fields['content-type'])})`;
    }
  } catch {
    // Not JSON: logged below by size only.
  }
  return `a ${data.toString().length}-character text message`;
}

interface QueuedFrame {
  data: RawData;
  dueAt: number;
}

/**
 * Sends each binary frame back `delayMs` after it arrived, in order (so at the pace it came, 20 ms apart for
 * Vonage). One timer per socket at most; the queue is bounded and dropped when the socket closes.
 */
export function delayLine(socket: Pick<WebSocket, 'send' | 'readyState' | 'OPEN' | 'bufferedAmount'>, delayMs: number) {
  const queue: QueuedFrame[] = [];
  let queuedBytes = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const sizeOf = (data: RawData) => (Array.isArray(data) ? data.reduce((sum, part) => sum + part.length, 0) : data.byteLength);

  function flush() {
    timer = undefined;
    const now = performance.now();
    while (queue.length > 0 && (queue[0]?.dueAt ?? Infinity) <= now) {
      const frame = queue.shift() as QueuedFrame;
      queuedBytes -= sizeOf(frame.data);
      if (socket.readyState === socket.OPEN && socket.bufferedAmount <= maxBufferedBytes) socket.send(frame.data, { binary: true });
    }
    schedule();
  }

  function schedule() {
    const next = queue[0];
    if (timer !== undefined || next === undefined) return;
    timer = setTimeout(flush, Math.max(0, next.dueAt - performance.now()));
  }

  return {
    push(data: RawData) {
      const bytes = sizeOf(data);
      if (queuedBytes + bytes > maxQueuedBytes) return;
      queue.push({ data, dueAt: performance.now() + delayMs });
      queuedBytes += bytes;
      schedule();
    },
    clear() {
      clearTimeout(timer);
      timer = undefined;
      queue.length = 0;
      queuedBytes = 0;
    },
  };
}

/**
 * The Voice API tutorial's echo server for the agent's sound check: Vonage's websocket `connect` opens this
 * socket, sends one JSON text message with metadata, then binary audio frames; each frame goes back about a
 * second later (as the sound check tells the agent), so the agent hears their own voice after they speak.
 * noServer mode lets any host (start-server.ts, the emulator) hand it upgrades on its own HTTP server.
 */
export function createEchoSocket({ logger = noLogger, maxConnections = 50, delayMs = defaultDelayMs }: EchoSocketOptions = {}): EchoSocket {
  const server = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes });
  let closed = false;

  server.on('connection', (socket: WebSocket) => {
    logger.info('echo: connected');
    const echo = delayLine(socket, delayMs);
    socket.on('message', (data, isBinary) => {
      if (!isBinary) {
        logger.info(`echo: received ${describeText(data)}`);
        return;
      }
      echo.push(data);
    });
    socket.on('close', (code) => {
      echo.clear();
      logger.info(`echo: closed (${code})`);
    });
    socket.on('error', (error) => logger.warn(`echo: ${error.name}`));
  });

  return {
    handleUpgrade(req, socket, head) {
      const path = new URL(req.url ?? '/', 'http://host').pathname;
      if (path !== echoSocketPath) return false;
      if (closed) {
        socket.destroy();
        return true;
      }
      if (server.clients.size >= maxConnections) {
        logger.warn('echo: refused a connection, too many open');
        socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return true;
      }
      server.handleUpgrade(req, socket, head, (client) => server.emit('connection', client, req));
      return true;
    },
    close() {
      closed = true;
      for (const client of server.clients) client.terminate();
      server.close();
    },
  };
}
