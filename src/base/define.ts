/**
 * Safe registration of loadwise elements.
 *
 * Two bundles of loadwise on one page (a theme and a plugin, say) must not break it, so
 * registering a tag that is already defined is a no-op rather than the DOMException that
 * `customElements.define` throws. A site can also register any loadwise class under a tag of its
 * own choosing, or in a scoped registry.
 *
 * This module registers nothing by itself and imports no element, so it is side-effect free.
 */

export interface DefineOptions {
  /** The registry to define in; the global `customElements` by default. */
  registry?: CustomElementRegistry;
}

/**
 * Defines `tagName` as `elementClass`, tolerating a second definition.
 *
 * - If `tagName` is already defined (by this bundle or another copy of loadwise), nothing
 *   happens and `false` is returned.
 * - A constructor can be defined only once per registry, so when `elementClass` is already
 *   registered under another tag, an empty subclass is defined instead: the same element under a
 *   second name. (Detected from the registry's own refusal, so it works where
 *   `CustomElementRegistry.getName` does not exist yet.)
 *
 * @returns `true` when this call defined the tag.
 */
export function define(
  tagName: string,
  elementClass: CustomElementConstructor,
  { registry = globalThis.customElements }: DefineOptions = {},
): boolean {
  if (!registry || registry.get(tagName)) return false;
  try {
    registry.define(tagName, elementClass);
  } catch (error) {
    // The tag is free (checked above), so NotSupportedError means the class is already in use.
    if ((error as DOMException).name !== 'NotSupportedError') throw error;
    registry.define(tagName, class extends elementClass {});
  }
  return true;
}
