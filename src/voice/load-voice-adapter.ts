import type { VoiceAdapter, VoiceAdapterOptions } from './voice-adapter';

let adapterModule: Promise<typeof import('./vonage-voice-adapter')> | undefined;

function importAdapterModule() {
  adapterModule ??= import('./vonage-voice-adapter').catch((error: unknown) => {
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
