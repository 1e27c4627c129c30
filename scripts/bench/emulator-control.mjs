// The emulator's control API (src/fake-cloud/control-api.ts) over HTTP, for the benchmark and the soak:
// POST /emulator/control/<method> with `{ args }`, and POST /emulator/reset.

export function emulatorControl(url) {
  const post = async (pathname, args = []) => {
    const response = await fetch(`${url}/emulator/${pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ args }),
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(`emulator ${pathname}: HTTP ${response.status} ${body.error ?? ''}`);
    return body.result;
  };
  return {
    reset: () => post('reset'),
    call: (method, ...args) => post(`control/${method}`, args),
  };
}
