import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoMobileApiKey } from '../src/config/app-config.ts';
import { createEmulator, tokenPath, type Emulator } from './create-emulator.ts';
import { syntheticAgentCountFromEnv, syntheticAgentName, syntheticAgents, syntheticAgentsEnv } from './synthetic-agents.ts';

describe('synthetic agents', () => {
  it('are numbered from synthetic-0001 with their own user ids', () => {
    expect(syntheticAgents(2)).toEqual([
      { userName: 'synthetic-0001', userId: 'USR-synthetic-0001', displayName: 'Synthetic agent 1' },
      { userName: 'synthetic-0002', userId: 'USR-synthetic-0002', displayName: 'Synthetic agent 2' },
    ]);
    expect(syntheticAgentName(200)).toBe('synthetic-0200');
    expect(syntheticAgents(0)).toEqual([]);
    expect(() => syntheticAgents(-1)).toThrow(RangeError);
    expect(() => syntheticAgents(1.5)).toThrow(RangeError);
  });

  it('are counted from EMULATOR_SYNTHETIC_AGENTS: none when unset, none (with a warning) when invalid', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(syntheticAgentCountFromEnv({})).toBe(0);
    expect(syntheticAgentCountFromEnv({ [syntheticAgentsEnv]: '' })).toBe(0);
    expect(syntheticAgentCountFromEnv({ [syntheticAgentsEnv]: '200' })).toBe(200);
    expect(warn).not.toHaveBeenCalled();
    expect(syntheticAgentCountFromEnv({ [syntheticAgentsEnv]: 'many' })).toBe(0);
    expect(syntheticAgentCountFromEnv({ [syntheticAgentsEnv]: '10000' })).toBe(0);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });
});

describe('an emulator with synthetic agents', () => {
  let emulator: Emulator | undefined;
  let server: Server | undefined;

  afterEach(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
    emulator?.close();
    emulator = undefined;
  });

  async function tokenStatus(userName: string): Promise<number> {
    if (!emulator) throw new Error('No emulator');
    const host = emulator;
    server = createServer((request, response) => {
      void host.handleRequest(request, response);
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}${tokenPath}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user_name: userName, mobile_api_key: demoMobileApiKey }),
    });
    return response.status;
  }

  it('knows them in the cloud and mints their tokens, beside the demo agents', async () => {
    emulator = createEmulator({ syntheticAgents: 3 });
    expect(emulator.cloud.socket.state.findAgent('synthetic-0003')?.userId).toBe('USR-synthetic-0003');
    expect(emulator.cloud.socket.state.findAgent('synthetic-0004')).toBeUndefined();
    expect(emulator.cloud.socket.state.findAgent('Jane')).toBeDefined();
    expect(await tokenStatus('synthetic-0003')).toBe(200);
    expect(emulator.resources()).toEqual({ sockets: 0, farEndPeers: 0, sessionExpiries: 0 });
  });

  it('knows the demo agents only by default', async () => {
    vi.stubEnv(syntheticAgentsEnv, undefined);
    emulator = createEmulator();
    vi.unstubAllEnvs();
    expect(emulator.cloud.socket.state.findAgent('synthetic-0001')).toBeUndefined();
    expect(await tokenStatus('synthetic-0001')).toBe(404);
    expect(await tokenStatus('Joe')).toBe(200);
  });
});
