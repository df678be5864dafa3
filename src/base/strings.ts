/**
 * Strings shown to people live in one table per element family, keyed by language, so a site can
 * translate them. An element picks its language from its own `lang`, then the nearest ancestor's,
 * then the document's, and falls back to English.
 */
export type StringTable<S> = { en: S } & Partial<Record<string, S>>;

/** The language in effect for an element: the closest `lang` attribute, as the platform resolves it. */
export function languageOf(el: Element): string {
  const withLang = el.closest('[lang]');
  return withLang?.getAttribute('lang') || document.documentElement.lang || 'en';
}

/** Picks `table[lang]`, then the base language (`pt` for `pt-BR`), then English. */
export function pickStrings<S>(table: StringTable<S>, lang: string): S {
  const exact = table[lang];
  if (exact) return exact;
  const base = table[lang.split('-')[0]!.toLowerCase()];
  return base ?? table.en;
}
