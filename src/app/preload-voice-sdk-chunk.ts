/**
 * Starts fetching and compiling the SDK's chunk (a modulepreload: off the main thread, nothing evaluated) just
 * after the first frame, the sign-in form, is painted (the task after its animation frame; a hidden tab paints
 * none, so a timer starts it there). index.html names the chunk (vite-plugins/preload-voice-sdk.ts); the dev
 * server's page names none and has nothing to preload.
 */
export function preloadVoiceSdkChunkAfterPaint() {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    const href = document.querySelector<HTMLMetaElement>('meta[name="softphone-voice-sdk"]')?.content;
    if (!href) return;
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = href;
    document.head.append(link);
  };
  requestAnimationFrame(() => setTimeout(start, 0));
  setTimeout(start, 1000);
}
