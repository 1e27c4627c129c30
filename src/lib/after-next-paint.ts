/**
 * Runs `work` just after the browser has painted what is on screen now: for what the agent hears or sees
 * outside the page (the ringtone, the tab title) when a call rings or is answered, so it does not hold back
 * the frame that shows the call. In a hidden tab it runs at once; a tab hidden before the frame comes runs no
 * animation frames: a timer makes sure the work still runs. Returns a function that cancels it.
 */
export function afterNextPaint(work: () => void, fallbackMs = 100): () => void {
  // A hidden tab paints nothing, and browsers run its timers as seldom as once a second: the work runs now.
  if (document.hidden) {
    work();
    return () => undefined;
  }
  let pending = true;
  const run = () => {
    if (!pending) return;
    pending = false;
    cancel();
    work();
  };
  const fallback = setTimeout(run, fallbackMs);
  let afterFrame: ReturnType<typeof setTimeout> | undefined;
  // The animation frame comes before the paint; the task after it, once the frame is out.
  const frame = requestAnimationFrame(() => {
    afterFrame = setTimeout(run, 0);
  });
  function cancel() {
    clearTimeout(fallback);
    cancelAnimationFrame(frame);
    clearTimeout(afterFrame);
  }
  return () => {
    pending = false;
    cancel();
  };
}
