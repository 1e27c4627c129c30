// Extra agents for load tests, beside Jane and Joe: EMULATOR_SYNTHETIC_AGENTS=200 (or createEmulator's
// `syntheticAgents`) makes synthetic-0001 … synthetic-0200 known to the cloud and the demo token backend, so a
// floor of clients can each sign in as its own agent and an invite to one of them rings one session only.
// Unset or 0, the emulator knows the demo agents only (the default).
import type { AgentRecord } from '../src/fake-cloud/cloud-state.ts';

export const syntheticAgentsEnv = 'EMULATOR_SYNTHETIC_AGENTS';
export const maxSyntheticAgents = 9_999;

/** The n-th synthetic agent's user name (1-based): synthetic-0001. */
export function syntheticAgentName(n: number): string {
  return `synthetic-${String(n).padStart(4, '0')}`;
}

export function syntheticAgents(count: number): AgentRecord[] {
  if (!Number.isInteger(count) || count < 0 || count > maxSyntheticAgents) {
    throw new RangeError(`Synthetic agents: ${count} is not a whole number from 0 to ${maxSyntheticAgents}`);
  }
  return Array.from({ length: count }, (_, index) => {
    const userName = syntheticAgentName(index + 1);
    return { userName, userId: `USR-${userName}`, displayName: `Synthetic agent ${index + 1}` };
  });
}

/** How many synthetic agents EMULATOR_SYNTHETIC_AGENTS asks for; 0 when unset, or (with a warning) when invalid. */
export function syntheticAgentCountFromEnv(env: Record<string, string | undefined> = process.env): number {
  const text = env[syntheticAgentsEnv];
  if (text === undefined || text.trim() === '') return 0;
  const count = Number(text);
  if (Number.isInteger(count) && count >= 0 && count <= maxSyntheticAgents) return count;
  console.warn(`[emulator] ${syntheticAgentsEnv}=${text} is not a whole number from 0 to ${maxSyntheticAgents}: no synthetic agents`);
  return 0;
}
