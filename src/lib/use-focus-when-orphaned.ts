import { useEffect, type RefObject } from 'react';

/**
 * When the control that had focus disappears (Answer once answered, Hang up once the call ends), the
 * browser drops focus to <body> and a keyboard user is lost. This puts focus on the next useful control,
 * but never takes it from a field the agent is typing in.
 */
export function useFocusWhenOrphaned(target: RefObject<HTMLElement | null>, key: unknown) {
  useEffect(() => {
    const active = document.activeElement;
    if (active === null || active === document.body) target.current?.focus();
  }, [target, key]);
}
