import { expect, type BrowserContext } from '@playwright/test';

/**
 * "No Content-Security-Policy violation": every `securitypolicyviolation` event in any page of a guarded
 * context is reported to Node as it happens, so violations survive navigation and closed pages. A violation
 * means the policy and the app disagree: the live build would lose a script, a style or a connection.
 * Only pages served with a policy can violate one: live builds (vite-plugins/content-security-policy.ts).
 */
export interface CspViolation {
  /** e.g. `script-src-elem`, `connect-src`. */
  directive: string;
  /** `inline`, `eval`, or the refused URL. */
  blocked: string;
  page: string;
  /** Where it happened, when the browser knows: file:line. */
  source: string;
}

const bindingName = 'e2eReportCspViolation';
const guardedContexts = new WeakMap<BrowserContext, CspViolation[]>();

/** Runs in the page before any of its scripts: self-contained, no imports or outer variables. */
function reportViolationsFromThePage(binding: string) {
  const report = (window as unknown as Record<string, ((violation: unknown) => void) | undefined>)[binding];
  document.addEventListener('securitypolicyviolation', (event) => {
    report?.({
      directive: event.effectiveDirective,
      blocked: event.blockedURI,
      page: event.documentURI,
      source: event.sourceFile ? `${event.sourceFile}:${event.lineNumber}` : '',
    });
  });
}

/** Starts recording the context's violations; calling it again for the same context returns the same record. */
export async function installCspGuard(context: BrowserContext): Promise<readonly CspViolation[]> {
  const existing = guardedContexts.get(context);
  if (existing !== undefined) return existing;
  const violations: CspViolation[] = [];
  guardedContexts.set(context, violations);
  await context.exposeBinding(bindingName, (_source, violation: CspViolation) => void violations.push(violation));
  await context.addInitScript(reportViolationsFromThePage, bindingName);
  return violations;
}

export function expectNoCspViolations(violations: readonly CspViolation[]) {
  const lines = violations.map(({ directive, blocked, page, source }) => `${directive} refused ${blocked} on ${page}${source ? ` (${source})` : ''}`);
  expect(lines, 'the Content-Security-Policy was violated').toEqual([]);
}
