import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FakeVonageControl } from '@/fake-cloud/control-api';
import { componentRoot } from '@/testing/component-root';
import { InboundFlowChooser } from './inbound-flow-chooser';

const page = componentRoot();

beforeEach(() => {
  vi.stubEnv('VITE_DEMO_CLOUD', 'emulator');
});

afterEach(() => {
  vi.unstubAllEnvs();
});

function fakeCloud() {
  const setInboundFlow = vi.fn(async () => ({ ok: true as const }));
  const cloud = {
    contactCenter: async () => ({ number: '442079460000', inboundFlow: { kind: 'ivr' as const } }),
    setInboundFlow,
  } as unknown as FakeVonageControl;
  return { cloud, setInboundFlow };
}

describe('InboundFlowChooser', () => {
  it('is a radio group named Inbound flow whose radios choose the flow', async () => {
    const { cloud, setInboundFlow } = fakeCloud();
    await act(async () => page.root.render(<InboundFlowChooser cloud={cloud} />));

    const group = page.container.querySelector('[role="radiogroup"]');
    expect(group?.tagName).toBe('FIELDSET');
    const name = document.getElementById(group?.getAttribute('aria-labelledby') ?? '')?.textContent;
    expect(name?.trim()).toBe('Inbound flow');
    const radios = [...(group?.querySelectorAll<HTMLInputElement>('input[type="radio"]') ?? [])];
    expect(radios.map((radio) => radio.parentElement?.textContent)).toEqual(['Jane', 'IVR', 'Custom NCCO']);
    expect(radios.find((radio) => radio.value === 'ivr')?.checked).toBe(true);

    await act(async () => radios.find((radio) => radio.value === 'jane')?.click());
    expect(setInboundFlow).toHaveBeenCalledWith({ kind: 'agent', agent: 'Jane' });
    expect(group?.textContent).toContain('Calls to the number now get: Jane');
  });
});
