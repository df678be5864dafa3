import type { StringTable } from '../base/strings.js';

/** Words the explainer engine itself shows (the content brings its own). */
export interface ExplainerStrings {
  viewGroup: string;
  tabsView: string;
  compareView: string;
  compareCaption: (title: string) => string;
  references: string;
  supportedBy: string;
  reference: string;
  loading: string;
  errorTitle: string;
  errorIntro: string;
  moreIssues: (count: number) => string;
}

export const explainerStrings: StringTable<ExplainerStrings> = {
  en: {
    viewGroup: 'View',
    tabsView: 'One at a time',
    compareView: 'Compare all',
    compareCaption: (title) => `${title}: all options side by side`,
    references: 'References',
    supportedBy: 'Supported by references',
    reference: 'Reference',
    loading: 'Loading…',
    errorTitle: 'This comparison could not be shown.',
    errorIntro: 'Its content has a problem:',
    moreIssues: (count) => `and ${count} more`,
  },
  es: {
    viewGroup: 'Vista',
    tabsView: 'De una en una',
    compareView: 'Comparar todas',
    compareCaption: (title) => `${title}: todas las opciones lado a lado`,
    references: 'Referencias',
    supportedBy: 'Respaldado por las referencias',
    reference: 'Referencia',
    loading: 'Cargando…',
    errorTitle: 'No se pudo mostrar esta comparación.',
    errorIntro: 'Su contenido tiene un problema:',
    moreIssues: (count) => `y ${count} más`,
  },
};
