// Vonage accepts more, but these characters survive URLs, logs and JWT `sub` without escaping surprises.
export const agentNamePattern = /^[\p{L}\p{N}._@+-]{1,100}$/u;

/**
 * The agents allowed to sign in. Lookup ignores case (people type "jane"), but answers with the configured
 * spelling, because that spelling is the Vonage user name and the JWT's `sub`.
 */
export interface AgentDirectory {
  canonicalName(requested: string): string | undefined;
  readonly names: readonly string[];
}

export function createAgentDirectory(names: readonly string[]): AgentDirectory {
  const byFoldedName = new Map(names.map((name) => [name.toLowerCase(), name]));
  return {
    names,
    canonicalName: (requested) => byFoldedName.get(requested.toLowerCase()),
  };
}
