// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { focusDialer } from './focus-dialer';

afterEach(() => document.body.replaceChildren());

describe('focusDialer', () => {
  it('focuses the field marked as the dialer', () => {
    document.body.innerHTML = '<input id="other"><input id="number" data-shortcut-target="dialer">';
    expect(focusDialer()).toBe(true);
    expect(document.activeElement?.id).toBe('number');
  });

  it('is false when there is no dialer on screen', () => {
    document.body.innerHTML = '<input id="other">';
    expect(focusDialer()).toBe(false);
  });

  it('is false when the field cannot take focus', () => {
    document.body.innerHTML = '<input id="number" data-shortcut-target="dialer" disabled>';
    expect(focusDialer()).toBe(false);
  });
});
