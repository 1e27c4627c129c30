// The Client SDK needs each of these path families. The seed backend left out /*/legs/**, which broke
// reconnecting to a call after a network drop, so every family is listed here explicitly.

const pathFamilies = [
  'users',
  'conversations',
  'sessions',
  'devices',
  'image',
  'media',
  'applications',
  'push',
  'knocking',
  'legs',
] as const;

export type AgentAcl = { paths: Record<string, Record<string, never>> };

export const agentAcl: AgentAcl = {
  paths: Object.fromEntries(pathFamilies.map((family) => [`/*/${family}/**`, {}])),
};
