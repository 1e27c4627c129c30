import type { VoiceAdapter, VoiceAdapterOptions } from './voice-adapter';

let adapterModule: Promise<typeof import('./vonage-voice-adapter')> | undefined;

function importAdapterModule() {
  // Phase marks for `npm run bench` (scripts/bench/): the SDK chunk's fetch and evaluation. No effect on behaviour.
  if (!adapterModule) performance.mark('softphone:sdk-chunk-start');
  adapterModule ??= import('./vonage-voice-adapter').then((module) => {
    performance.mark('softphone:sdk-chunk-end');
    return module;
  }).catch((error: unknown) => {
    // A failed chunk download is not cached: the next attempt downloads again.
    adapterModule = undefined;
    throw error;
  });
  return adapterModule;
}

/** Starts downloading the SDK chunk without creating a client: called while the agent types or the token loads. */
export function preloadVoiceSdk(): Promise<unknown> {
  return importAdapterModule();
}

export async function loadVoiceAdapter(options: VoiceAdapterOptions): Promise<VoiceAdapter> {
  const { createVonageVoiceAdapter } = await importAdapterModule();
  return createVonageVoiceAdapter(options);
}
