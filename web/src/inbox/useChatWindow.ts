import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';

/** Rows this far beyond the viewport stay mounted, so a flick of the wheel never shows a gap. */
const OVERSCAN_PX = 800;
/** Close enough to the bottom that a new message should scroll into view. */
const PINNED_PX = 80;
const JUMP_BUTTON_PX = 400;

/** Prefix sums of the rows' heights: offsets[i] is where row i starts, offsets[n] the total. */
export function rowOffsets(ids: readonly string[], heightOf: (index: number) => number): number[] {
  const offsets = new Array<number>(ids.length + 1);
  offsets[0] = 0;
  for (let i = 0; i < ids.length; i++) offsets[i + 1] = offsets[i]! + heightOf(i);
  return offsets;
}

/** The first row whose bottom lies below `y`. */
function rowAt(offsets: readonly number[], y: number): number {
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsets[mid + 1]! <= y) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Rows [start, end) to mount for a viewport at `top` (list coordinates) of `height`, with margin. */
export function visibleRange(offsets: readonly number[], top: number, height: number, overscan = OVERSCAN_PX): { start: number; end: number } {
  const count = offsets.length - 1;
  if (count <= 0) return { start: 0, end: 0 };
  const total = offsets[count]!;
  const clamped = Math.max(0, Math.min(top, total - height));
  const start = rowAt(offsets, clamped - overscan);
  const end = Math.min(count, rowAt(offsets, clamped + height + overscan) + 1);
  return { start, end };
}

interface Anchor {
  id: string;
  /** The row's top relative to the viewport's top when it was recorded. */
  offset: number;
}

/**
 * Windowing for the chat, whose rows have heights known only once drawn (text wraps, images load):
 * rows out of sight are replaced by spacers sized from measurements or estimates. A chat reads from
 * the bottom, so it stays pinned there while the reader is there; otherwise the first row in sight is
 * held in place, whatever changes above it (older pages prepended, estimates replaced by measures).
 * Browsers' own scroll anchoring is switched off (`overflow-anchor: none`) so the two never fight.
 */
const MAX_RESTORES_PER_FRAME = 8;

export function useChatWindow(scroller: RefObject<HTMLElement | null>, list: RefObject<HTMLElement | null>, ids: readonly string[], estimate: (index: number) => number) {
  const heights = useRef(new Map<string, number>());
  const [measured, setMeasured] = useState(0);
  // Until the first measure, the viewport is taken to be at the very bottom, where a chat opens.
  const [viewport, setViewport] = useState({ top: Number.MAX_SAFE_INTEGER, height: 1000 });
  const pinned = useRef(true);
  const anchor = useRef<Anchor | null>(null);
  const [farFromBottom, setFarFromBottom] = useState(false);

  // `measured` counts the changes to the heights map, which is mutated in place.
  const offsets = useMemo(() => rowOffsets(ids, (i) => heights.current.get(ids[i]!) ?? estimate(i)), [ids, estimate, measured]);
  const listTop = list.current?.offsetTop ?? 0;
  const { start, end } = visibleRange(offsets, viewport.top - listTop, viewport.height);
  const firstIndex = ids.length ? rowAt(offsets, Math.max(0, Math.min(viewport.top - listTop, offsets[ids.length]! - 1))) : -1;

  const latest = useRef({ ids, offsets });
  latest.current = { ids, offsets };

  /** Notes where the reader is: pinned to the bottom, or which row is at the top of the view. */
  const record = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    const distance = element.scrollHeight - element.scrollTop - element.clientHeight;
    pinned.current = distance < PINNED_PX;
    setFarFromBottom(distance > JUMP_BUTTON_PX);
    setViewport((v) => (v.top === element.scrollTop && v.height === element.clientHeight ? v : { top: element.scrollTop, height: element.clientHeight }));
    const viewTop = element.getBoundingClientRect().top;
    for (const row of list.current?.querySelectorAll<HTMLElement>('[data-entry-id]') ?? []) {
      const rect = row.getBoundingClientRect();
      if (rect.bottom > viewTop) {
        anchor.current = { id: row.dataset.entryId!, offset: rect.top - viewTop };
        return;
      }
    }
  }, [scroller, list]);

  const restoresThisFrame = useRef(0);
  /** Puts the reader back where `record` saw them, after anything moved the content. */
  const restore = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    // A window that moves the content which moves the window can bounce between two states render
    // after render (React gives up with "maximum update depth"): past a few rounds in one frame, the
    // scroll is still held but the window waits for the next frame to follow it.
    if (restoresThisFrame.current++ === 0) {
      requestAnimationFrame(() => {
        restoresThisFrame.current = 0;
        restoreRef.current();
      });
    }
    if (pinned.current) {
      element.scrollTop = element.scrollHeight;
    } else if (anchor.current) {
      const { id, offset } = anchor.current;
      const row = list.current?.querySelector<HTMLElement>(`[data-entry-id="${CSS.escape(id)}"]`);
      if (row) {
        element.scrollTop += row.getBoundingClientRect().top - element.getBoundingClientRect().top - offset;
      } else {
        // Not mounted (a page was just prepended above it): place it from the model instead.
        const index = latest.current.ids.indexOf(id);
        if (index >= 0) element.scrollTop = (list.current?.offsetTop ?? 0) + latest.current.offsets[index]! - offset;
      }
    }
    if (restoresThisFrame.current > MAX_RESTORES_PER_FRAME) return;
    setViewport((v) => (v.top === element.scrollTop && v.height === element.clientHeight ? v : { top: element.scrollTop, height: element.clientHeight }));
  }, [scroller, list]);

  // After every render: rows came and went, so hold the reader in place before the browser paints.
  useLayoutEffect(() => {
    restore();
  });

  const restoreRef = useRef(restore);
  restoreRef.current = restore;
  const observer = useRef<ResizeObserver | null>(null);
  // Made on first use, not in an effect: rows' refs are attached before effects run.
  const rowsObserver = useCallback(() => {
    observer.current ??= new ResizeObserver((entries) => {
      let changed = false;
      for (const entry of entries) {
        const id = (entry.target as HTMLElement).dataset.entryId;
        const height = entry.borderBoxSize[0]?.blockSize ?? (entry.target as HTMLElement).offsetHeight;
        if (!id || !height || heights.current.get(id) === height) continue;
        heights.current.set(id, height);
        changed = true;
      }
      if (!changed) return;
      // An image that loaded or a line that wrapped: correct at once, before it is painted shifted.
      restoreRef.current();
      setMeasured((n) => n + 1);
    });
    return observer.current;
  }, []);

  useEffect(() => {
    const element = scroller.current;
    const resize = new ResizeObserver(() => restoreRef.current());
    if (element) resize.observe(element);
    return () => {
      resize.disconnect();
      observer.current?.disconnect();
      observer.current = null;
    };
  }, [scroller]);

  /** Ref for each mounted row (it must carry `data-entry-id`): measured while it is on screen. */
  const measure = useCallback(
    (element: HTMLElement | null) => {
      if (!element) return;
      rowsObserver().observe(element);
      return () => observer.current?.unobserve(element);
    },
    [rowsObserver],
  );

  const scrollToBottom = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    pinned.current = true;
    // A jump, not a smooth scroll: rows mounted on the way would be measured and moved under it.
    element.scrollTop = element.scrollHeight;
  }, [scroller]);

  return {
    start,
    end,
    before: offsets[start] ?? 0,
    after: (offsets[ids.length] ?? 0) - (offsets[end] ?? 0),
    /** Call from the scroller's onScroll. */
    onScroll: record,
    measure,
    /** The row at the top of the view, and where its top is relative to the view's (negative: cut off). */
    first: { index: firstIndex, top: firstIndex >= 0 ? offsets[firstIndex]! + listTop - viewport.top : 0 },
    /** Far enough up that a button back to the latest message helps. */
    farFromBottom,
    scrollToBottom,
  };
}
