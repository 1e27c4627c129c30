// Which agent a request comes from: the Client SDK token the backend itself minted for them (RS256 with
// the application's private key, `sub` = the agent's user name). Verified with the matching public key.
import { createPublicKey, type KeyObject } from 'node:crypto';
import { jwtVerify } from 'jose';

export type AgentTokenVerifier = (token: string) => Promise<string | undefined>;

export function agentTokenVerifier(privateKey: KeyObject, applicationId: string): AgentTokenVerifier {
  const publicKey = createPublicKey(privateKey);
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, publicKey, { algorithms: ['RS256'] });
      if (payload.application_id !== applicationId) return undefined;
      return typeof payload.sub === 'string' && payload.sub !== '' ? payload.sub : undefined;
    } catch {
      return undefined;
    }
  };
}
