import { useEffect } from 'react';
import { copySelection, useBuilderStore } from './store';

let clipboard: ReturnType<typeof copySelection> | null = null;

function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** Undo/redo and copy/paste for the canvas; fields keep their own shortcuts while focused. */
export function useShortcuts(enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    let pastes = 0;
    const onKeyDown = (event: KeyboardEvent) => {
      if (typingIn(event.target) || !(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      const store = useBuilderStore.getState();
      if (key === 'z' && !event.shiftKey) store.undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') store.redo();
      else if (key === 'c') {
        clipboard = copySelection();
        pastes = 0;
        return;
      } else if (key === 'v' && clipboard) {
        pastes += 1;
        store.paste(clipboard, 40 * pastes);
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
