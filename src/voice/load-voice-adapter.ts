import type { VoiceAdapter, VoiceAdapterOptions } from './voice-adapter';

let adapterModule: Promise<typeof import('./vonage-voice-adapter')> | undefined;

/** Starts downloading the SDK chunk without creating a client: called while the agent types or the token loads. */
export function preloadVoiceSdk(): Promise<unknown> {
  adapterModule ??= import('./vonage-voice-adapter');
  return adapterModule;
}

export async function loadVoiceAdapter(options: VoiceAdapterOptions): Promise<VoiceAdapter> {
  adapterModule ??= import('./vonage-voice-adapter');
  const { createVonageVoiceAdapter } = await adapterModule;
  return createVonageVoiceAdapter(options);
}
