import type { Plugin } from 'vite';

/** The module that imports the SDK (src/voice/vonage-voice-adapter.ts): its chunk is the SDK's 1.3 MB. */
const sdkModule = /[\\/]src[\\/]voice[\\/]vonage-voice-adapter\.ts$/;

/**
 * Adds `<link rel="modulepreload">` for the SDK's chunk to the softphone's page (index.html). The SDK is loaded
 * lazily, at sign-in, so the sign-in form paints without it; but fetched only then, its download and compilation
 * stood between the agent's click and *Ready*. A modulepreload fetches and compiles the module (the browser's
 * script streaming compiles it off the main thread) without evaluating it, so nothing of the SDK runs before
 * sign-in: this keeps the static demo's order (the in-page cloud must be listening before the SDK's module is
 * evaluated, as engine.io takes `WebSocket` at import) and the production page's.
 */
export function preloadVoiceSdk(): Plugin {
  let base = '/';
  return {
    name: 'softphone:preload-voice-sdk',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        if (!context.bundle || !context.filename.endsWith('index.html')) return undefined;
        const chunk = Object.values(context.bundle).find((output) => output.type === 'chunk' && output.facadeModuleId !== null && sdkModule.test(output.facadeModuleId));
        if (!chunk) throw new Error('preload-voice-sdk: no chunk for src/voice/vonage-voice-adapter.ts; was it renamed?');
        return [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${chunk.fileName}` }, injectTo: 'head' }];
      },
    },
  };
}
