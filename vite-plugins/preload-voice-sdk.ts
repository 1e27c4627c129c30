import type { Plugin } from 'vite';

/** The module that imports the SDK (src/voice/vonage-voice-adapter.ts): its chunk is the SDK's 1.3 MB. */
const sdkModule = /[\\/]src[\\/]voice[\\/]vonage-voice-adapter\.ts$/;

/**
 * Names the SDK's chunk in the softphone's page (index.html) as `<meta name="softphone-voice-sdk">`, for
 * src/app/preload-voice-sdk-chunk.ts to modulepreload it once the sign-in form is painted. The SDK is loaded
 * lazily, at sign-in; fetched only then, its download and compilation stood between the agent's click and
 * *Ready*. A modulepreload fetches and compiles the module (off the main thread) without evaluating it, so
 * nothing of the SDK runs before sign-in (the static demo's in-page cloud must be listening before it is
 * evaluated, as engine.io takes `WebSocket` at import). Not a `<link rel="modulepreload">` in the page itself:
 * from page start, compiling 1.3 MB competed with the entry's own evaluation and painted the form about 250 ms
 * later on a 2-core machine, for no earlier *Ready*.
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
        return [{ tag: 'meta', attrs: { name: 'softphone-voice-sdk', content: `${base}${chunk.fileName}` }, injectTo: 'head' }];
      },
    },
  };
}
