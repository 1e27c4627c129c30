import { useEffect, type RefObject } from 'react';

/**
 * When the control that had focus disappears (Answer once answered, Hang up once the call ends), the
 * browser drops focus to <body> and a keyboard user is lost. This puts focus on the next useful control,
 * but never takes it from a field the agent is typing in. After the frame that shows the new controls: a
 * focus() before it forces a layout of its own, which delays the Active call's first frame.
 */
export function useFocusWhenOrphaned(target: RefObject<HTMLElement | null>, key: unknown) {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        const active = document.activeElement;
        if (active === null || active === document.body) target.current?.focus();
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [target, key]);
}
