// Everything the server says goes through this narrow interface, so tests can capture every line and prove
// that no token, API key or private key material is ever logged.

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const consoleLogger: Logger = {
  info: (message) => console.log(`[token-server] ${message}`),
  warn: (message) => console.warn(`[token-server] ${message}`),
  error: (message) => console.error(`[token-server] ${message}`),
};
