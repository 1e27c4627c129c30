import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { ellipsis, nameMaxLength } from '@/lib/untrusted-text';
import { componentRoot } from '@/testing/component-root';
import { UntrustedText } from './untrusted-text';

const page = componentRoot();

function show(text: string) {
  act(() => page.root.render(<UntrustedText text={text} what="caller ID" />));
}

const toggle = () => page.container.querySelector('button');

describe('UntrustedText', () => {
  it('shows short text isolated, without directional controls, and nothing more', () => {
    show('Joe\u202E(tnega)');
    const bdi = page.container.querySelector('bdi');
    expect(bdi?.textContent).toBe('Joe(tnega)');
    expect(bdi?.hasAttribute('title')).toBe(false);
    expect(toggle()).toBeNull();
  });

  it('caps long text, keeps the whole of it in the tooltip, and shows it through a disclosure button', () => {
    const long = '4'.repeat(5_000);
    show(long);
    const bdi = page.container.querySelector('bdi');
    expect(bdi?.textContent).toBe(`${'4'.repeat(nameMaxLength - 1)}${ellipsis}`);
    expect(bdi?.getAttribute('title')).toBe(long);

    const button = toggle();
    expect(button?.textContent).toBe('Show full caller ID');
    expect(button?.getAttribute('aria-expanded')).toBe('false');
    expect(button?.hasAttribute('aria-controls')).toBe(false);

    act(() => button?.click());
    expect(button?.getAttribute('aria-expanded')).toBe('true');
    const full = document.getElementById(button?.getAttribute('aria-controls') ?? '');
    expect(full?.textContent).toBe(long);
    expect(full?.tabIndex).toBe(0);
    expect(full?.querySelector('bdi')).not.toBeNull();

    act(() => button?.click());
    expect(button?.getAttribute('aria-expanded')).toBe('false');
    expect(page.container.textContent).not.toContain(long);
  });

  it('starts closed again for a different text', () => {
    show('a'.repeat(100));
    act(() => toggle()?.click());
    expect(toggle()?.getAttribute('aria-expanded')).toBe('true');
    show('b'.repeat(100));
    expect(toggle()?.getAttribute('aria-expanded')).toBe('false');
  });
});
