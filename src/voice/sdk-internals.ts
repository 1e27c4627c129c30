// The SDK keeps its socket and media clients private. Two defects need them (a drop the SDK does not report,
// a microphone it leaves live), so they are found here by the JS method names the SDK's TypeScript layer
// gives them: the Kotlin core's own field names are mangled and change between builds.

/** Breadth-first over own fields from `root`: the first object `matches` accepts, a few levels down. */
export function findSdkObject<T extends object>(root: object, matches: (value: object) => value is T, maxDepth = 6): T | undefined {
  const seen = new Set<object>([root]);
  let level: object[] = [root];
  for (let depth = 0; depth <= maxDepth && level.length > 0; depth += 1) {
    const next: object[] = [];
    for (const node of level) {
      if (matches(node)) return node;
      for (const key of Object.keys(node)) {
        let value: unknown;
        try {
          value = (node as Record<string, unknown>)[key];
        } catch {
          continue;
        }
        if (typeof value !== 'object' || value === null || seen.has(value)) continue;
        if (typeof Node !== 'undefined' && value instanceof Node) continue;
        seen.add(value);
        next.push(value);
      }
    }
    level = next;
  }
  return undefined;
}

/**
 * True when `value` really has a function under each of `names`. `in` first: the SDK's event emitter is a
 * Proxy that answers any property read with a function, but has none of them.
 */
export function hasMethods(value: object, ...names: string[]): boolean {
  return names.every((name) => name in value && typeof (value as Record<string, unknown>)[name] === 'function');
}
