import type { ConfigResult } from '@/config/app-config';

// The environment (import.meta.env) is fixed when the bundle is built, so vite.config.ts parses and validates it
// then (parseAppConfig) and hands over the result: the browser neither downloads the validator (zod) in the
// entry chunk nor runs it at every page load. A bad configuration is still shown on screen (ConfigProblems).
declare const __SOFTPHONE_CONFIG__: ConfigResult;

export const buildTimeConfig: ConfigResult = __SOFTPHONE_CONFIG__;
