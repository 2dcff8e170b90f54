import { useLayoutEffect, useState, type RefObject } from 'react';

/** Up to this many lines a table renders them all: cheap, and every row stays findable with the browser's search. */
const renderAllUpTo = 150;
/** Lines rendered above and below those in view, so that scrolling and Tab never reach an unrendered line. */
const overscan = 15;
/** Fluent's medium cells are 44 px high; the lines rendered are measured and replace this guess. */
const estimatedLineHeight = 44;

/** Which lines of a table's body are rendered, and the room kept for those that are not. */
export interface RowWindow {
  /** The first line rendered. */
  readonly start: number;
  /** One past the last line rendered. */
  readonly end: number;
  /** Pixels of the lines above `start` and below `end`, kept so that the scroll bar tells the whole list's length. */
  readonly before: number;
  readonly after: number;
  /** One past the last line in view (without the overscan): near the count, the person has scrolled to the end. */
  readonly viewEnd: number;
}

/**
 * Windowing over a scroll box: which of `count` lines of equal height are in view, from the box's scroll position
 * and height. `body` holds the rendered lines (marked `data-line`), measured after each render.
 */
export function useRowWindow(
  box: RefObject<HTMLElement | null>,
  body: RefObject<HTMLElement | null>,
  count: number,
): RowWindow {
  const [view, setView] = useState({ top: 0, height: 0 });
  const [lineHeight, setLineHeight] = useState(estimatedLineHeight);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return undefined;
    const read = () =>
      setView((current) =>
        current.top === element.scrollTop && current.height === element.clientHeight
          ? current
          : { top: element.scrollTop, height: element.clientHeight },
      );
    read();
    element.addEventListener('scroll', read, { passive: true });
    const observer = new ResizeObserver(read);
    observer.observe(element);
    return () => {
      element.removeEventListener('scroll', read);
      observer.disconnect();
    };
  }, [box]);
  // After every render: a zoom, a theme or a narrow tab changes the lines' height.
  useLayoutEffect(() => {
    const lines = body.current?.querySelectorAll<HTMLElement>(':scope > tr[data-line]') ?? [];
    if (lines.length === 0) return;
    let total = 0;
    for (const line of lines) total += line.offsetHeight;
    const measured = total / lines.length;
    if (Math.abs(measured - lineHeight) > 0.5) setLineHeight(measured);
  });
  const viewEnd = Math.min(count, Math.ceil((view.top + view.height) / lineHeight));
  if (count <= renderAllUpTo) return { start: 0, end: count, before: 0, after: 0, viewEnd };
  const start = Math.max(0, Math.min(Math.floor(view.top / lineHeight) - overscan, count - 1));
  const end = Math.min(count, Math.max(viewEnd + overscan, start + 1));
  return { start, end, before: start * lineHeight, after: (count - end) * lineHeight, viewEnd };
}
