// A Vonage JWT's `acl` claim: `{ paths: { "/*/conversations/**": { methods?: [...] }, ... } }`. In a path
// pattern `*` is one segment (the API version) and a trailing `/**` is any rest, none included: the SDK's
// `POST /v0.3/knocking` is covered by `/*/knocking/**`. `filters` narrow further on Vonage; the emulator
// does not read them.

export interface AclUse {
  method?: string;
  path: string;
}

/** The path families the Client SDK 2.3.1 calls (server/vonage-acl.ts lists them for the backend). */
export const sdkPathFamilies = ['sessions', 'conversations', 'legs', 'users', 'knocking'] as const;

function patternRegExp(pattern: string): RegExp {
  const source = pattern
    .split(/(\/\*\*|\*\*|\*)/)
    .map((part) => {
      if (part === '/**') return '(?:/.*)?';
      if (part === '**') return '.*';
      if (part === '*') return '[^/]*';
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether an `acl` claim lets a token be used for this request. */
export function aclGrants(acl: unknown, use: AclUse): boolean {
  if (!isRecord(acl) || !isRecord(acl.paths)) return false;
  return Object.entries(acl.paths).some(([pattern, rule]) => {
    if (!patternRegExp(pattern).test(use.path)) return false;
    const methods = isRecord(rule) ? rule.methods : undefined;
    return !Array.isArray(methods) || use.method === undefined || methods.includes(use.method.toUpperCase());
  });
}

/** The families of the SDK's paths this ACL leaves out (none: the SDK can do all it needs). */
export function missingSdkFamilies(acl: unknown): string[] {
  return sdkPathFamilies.filter((family) => !aclGrants(acl, { path: `/v0.3/${family}` }));
}
