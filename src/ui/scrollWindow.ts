// Which slice of a long list is on screen. The window moves only as far as it
// must to keep the cursor visible, so moving within the page does not scroll.

/** First visible index: the previous one, moved just enough to show `cursor`, and never past the end. */
export function scrollWindow(previousTop: number, cursor: number, height: number, total: number): number {
  if (height <= 0 || total <= height) return 0;
  let top = Math.min(Math.max(previousTop, 0), total - height);
  if (cursor < top) top = cursor;
  else if (cursor >= top + height) top = cursor - height + 1;
  return Math.max(0, top);
}
