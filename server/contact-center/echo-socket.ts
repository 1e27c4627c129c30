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
}

// Vonage sends 640-byte frames (20 ms of 16 kHz 16-bit PCM); anything far larger is not Vonage.
const maxFrameBytes = 64 * 1024;
// About a second of audio queued for a slow peer; past that, frames are dropped rather than buffered forever.
const maxBufferedBytes = 32 * 1024;
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

/**
 * The Voice API tutorial's echo server for the agent's sound check: Vonage's websocket `connect` opens this
 * socket, sends one JSON text message with metadata, then binary audio frames; every frame goes straight back,
 * so the agent hears their own voice. noServer mode lets any host (start-server.ts, the emulator) hand it
 * upgrades on its own HTTP server.
 */
export function createEchoSocket({ logger = noLogger, maxConnections = 50 }: EchoSocketOptions = {}): EchoSocket {
  const server = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes });
  let closed = false;

  server.on('connection', (socket: WebSocket) => {
    logger.info('echo: connected');
    socket.on('message', (data, isBinary) => {
      if (!isBinary) {
        logger.info(`echo: received ${describeText(data)}`);
        return;
      }
      if (socket.bufferedAmount > maxBufferedBytes) return;
      socket.send(data, { binary: true });
    });
    socket.on('close', (code) => logger.info(`echo: closed (${code})`));
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
