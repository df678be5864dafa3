/**
 * Dispatches a typed event the way every loadwise element does: bubbling and composed, so a site
 * can listen on `document` whatever shadow roots lie between. Returns `false` when a cancelable
 * event was cancelled, like `dispatchEvent`.
 */
export function emit<K extends keyof HTMLElementEventMap>(
  target: EventTarget,
  type: K,
  detail: HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never,
  { cancelable = false }: { cancelable?: boolean } = {},
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}
