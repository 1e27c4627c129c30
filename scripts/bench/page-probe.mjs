// What the benchmark watches inside the page, installed as an init script (before the page's own scripts).
// It only observes: it stamps times with performance.now() and writes them to `window.__softphoneBench`.
//   - every WebSocket frame carrying a `member:invited` (the invite's arrival in the page, before the SDK sees it:
//     the stamping listener is added in the constructor, ahead of the socket's own handlers);
//   - when the regions Incoming call and Active call, the Agent field and Connection reading Ready appear in
//     the DOM (a MutationObserver), then the next animation frame (`frameAt`: the frame that paints them) and
//     the first task after that frame (`afterPaintAt`);
//   - the click on Answer (a capturing listener on window, so before React's handler);
//   - optionally signs in as soon as the Agent field is painted (focus, type, click Sign in: what a quick agent
//     does), so the click is no round trip from the benchmark and its time is a phase of its own.

/** Serialized by Playwright into the page: must not close over anything. */
export function installPageProbe(options) {
  const probe = {
    invites: [],
    appearances: { incomingCall: [], activeCall: [], agentField: [], ready: [] },
    answerClicks: [],
    signInClickAt: undefined,
  };
  window.__softphoneBench = probe;

  const NativeWebSocket = window.WebSocket;
  const invitePattern = /^42\d*\["member:invited"/;
  class StampingWebSocket extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        if (typeof event.data === 'string' && invitePattern.test(event.data)) {
          probe.invites.push({ at: performance.now(), wallClock: performance.timeOrigin + performance.now() });
        }
      });
    }
  }
  window.WebSocket = StampingWebSocket;

  const agentField = () => [...document.querySelectorAll('input')].find((input) => input.labels?.[0]?.textContent?.trim() === 'Agent');
  const watched = {
    incomingCall: () => document.querySelector('section[aria-label="Incoming call"]'),
    activeCall: () => document.querySelector('section[aria-label="Active call"]'),
    agentField,
    ready: () => {
      const status = document.querySelector('[role="status"][aria-label="Connection"]');
      return status?.textContent?.trim() === 'Ready' ? status : null;
    },
  };
  const present = Object.fromEntries(Object.keys(watched).map((name) => [name, false]));

  function signIn() {
    const field = agentField();
    const button = [...document.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === 'Sign in');
    if (!field || !button) return;
    field.focus();
    field.value = options.signInAs;
    probe.signInClickAt = performance.now();
    button.click();
  }

  function appeared(name) {
    const record = { at: performance.now(), inviteAt: probe.invites.at(-1)?.at, clickAt: probe.answerClicks.at(-1) };
    probe.appearances[name].push(record);
    requestAnimationFrame(() => {
      record.frameAt = performance.now();
      setTimeout(() => {
        record.afterPaintAt = performance.now();
        if (name === 'agentField' && options.signInAs && probe.signInClickAt === undefined) signIn();
      }, 0);
    });
  }

  const check = () => {
    for (const [name, find] of Object.entries(watched)) {
      const now = Boolean(find());
      if (now && !present[name]) appeared(name);
      present[name] = now;
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });

  window.addEventListener(
    'click',
    (event) => {
      const button = event.target instanceof Element ? event.target.closest('button') : null;
      if (button?.textContent?.trim() === 'Answer' && button.closest('section[aria-label="Incoming call"]')) {
        probe.answerClicks.push(performance.now());
      }
    },
    { capture: true },
  );
}
