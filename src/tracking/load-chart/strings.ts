import type { StringTable } from '../../base/strings.js';
import type { AcwrMethod } from '../metrics/acute-chronic.js';
import type { DecayVariant } from '../metrics/fitness-fatigue.js';
import type { Modality } from '../model.js';
import type { Band, ChartRange } from './chart-model.js';

/** Words `<load-chart>` shows: neutral about the numbers, never a diagnosis. */
export interface LoadChartStrings {
  title: string;
  method: Record<AcwrMethod, string>;
  caption: (method: string) => string;
  range: Record<ChartRange, string>;
  rangeGroup: string;
  band: Record<Band, string>;
  baseline: string;
  modality: Record<Modality, string>;
  acute: string;
  chronic: string;
  ratio: string;
  load: string;
  au: string;
  empty: string;
  loading: string;
  unavailable: string;
  summary: (week: string, ratio: string, method: string, band: string) => string;
  summaryBaseline: (week: string, daysSoFar: number) => string;
  summaryNoRatio: (week: string) => string;
  showTable: string;
  hideTable: string;
  date: string;
  sessions: string;
  sessionCount: (n: number) => string;
  dayDetail: (date: string, load: string, sessions: number, ratio: string | null, band: string | null) => string;
  chartLabel: string;
  keyboardHint: string;
  monotony: string;
  strain: string;
  fitness: string;
  fatigue: string;
  form: string;
  panelMonotony: string;
  panelStrain: string;
  panelFitness: string;
  variant: Record<DecayVariant, string>;
  captionFitness: (variant: string) => string;
  glucose: (unit: string) => string;
  detailMonotony: (monotony: string, strain: string) => string;
  detailFitness: (fitness: string, fatigue: string, form: string) => string;
  detailGlucose: (values: string, unit: string) => string;
  note: string;
  noteLink: string;
}

export const loadChartStrings: StringTable<LoadChartStrings> = {
  en: {
    title: 'How training is landing',
    method: { ewma: 'exponentially weighted', rolling: 'rolling 7- and 28-day averages', 'rolling-uncoupled': 'rolling averages, uncoupled' },
    caption: (method) => `Daily session load (RPE × minutes, AU); acute (7-day) and chronic (28-day) load and their ratio, ${method}.`,
    range: { '4w': '4 weeks', '12w': '12 weeks', '6m': '6 months', '1y': '1 year', all: 'All' },
    rangeGroup: 'Range',
    band: { lighter: 'lighter than your recent month', 'in-line': 'in line', 'well-above': 'well above', 'sharply-above': 'sharply above' },
    baseline: 'building your baseline',
    modality: { aerobic: 'Aerobic', resistance: 'Resistance', hiit: 'HIIT', combined: 'Combined', other: 'Other' },
    acute: 'Acute load (7 days)',
    chronic: 'Chronic load (28 days)',
    ratio: 'Acute ÷ chronic',
    load: 'Load',
    au: 'AU',
    empty: 'No sessions yet. Log your first session and this chart starts to show how training is landing.',
    loading: 'Loading sessions…',
    unavailable: 'Sessions could not be read.',
    summary: (week, ratio, method, band) => `This week ${week} AU, ${ratio} times your chronic load (${method}); in the “${band}” band.`,
    summaryBaseline: (week, days) =>
      `This week ${week} AU. Building your baseline: the comparison with your recent month starts after 28 days of history (${days} so far).`,
    summaryNoRatio: (week) => `This week ${week} AU. Too little recent training to compare with your month.`,
    showTable: 'Show the data as a table',
    hideTable: 'Hide the table',
    date: 'Date',
    sessions: 'Sessions',
    sessionCount: (n) => `${n} session${n === 1 ? '' : 's'}`,
    dayDetail: (date, load, sessions, ratio, band) =>
      `${date}: ${load} AU from ${sessions} session${sessions === 1 ? '' : 's'}${ratio ? `; ratio ${ratio}${band ? `, ${band}` : ''}` : band ? `; ${band}` : ''}.`,
    chartLabel: 'Training load chart',
    keyboardHint: 'Use the arrow keys to move day by day.',
    monotony: 'Monotony',
    strain: 'Strain',
    fitness: 'Fitness (42 days)',
    fatigue: 'Fatigue (7 days)',
    form: 'Form',
    panelMonotony: 'Monotony of the last 7 days (mean ÷ SD)',
    panelStrain: 'Strain (week load × monotony, AU)',
    panelFitness: 'Fitness, fatigue and form (AU)',
    variant: { exponential: 'exponential decay', linear: 'linear decay' },
    captionFitness: (variant) => ` Fitness (42-day) and fatigue (7-day) load with ${variant}; form is yesterday's fitness minus fatigue.`,
    glucose: (unit) => `Fasting glucose (${unit})`,
    detailMonotony: (monotony, strain) => ` Monotony ${monotony}, strain ${strain} AU.`,
    detailFitness: (fitness, fatigue, form) => ` Fitness ${fitness}, fatigue ${fatigue}, form ${form}.`,
    detailGlucose: (values, unit) => ` Fasting glucose ${values} ${unit}.`,
    note: 'A guide to how this week compares with your recent training, not a diagnosis.',
    noteLink: 'What the numbers mean',
  },
  es: {
    title: 'Cómo está llegando el entrenamiento',
    method: { ewma: 'con media ponderada exponencial', rolling: 'medias móviles de 7 y 28 días', 'rolling-uncoupled': 'medias móviles, desacopladas' },
    caption: (method) => `Carga diaria de las sesiones (RPE × minutos, UA); carga aguda (7 días) y crónica (28 días) y su cociente, ${method}.`,
    range: { '4w': '4 semanas', '12w': '12 semanas', '6m': '6 meses', '1y': '1 año', all: 'Todo' },
    rangeGroup: 'Periodo',
    band: { lighter: 'más ligera que tu último mes', 'in-line': 'en línea', 'well-above': 'bastante por encima', 'sharply-above': 'muy por encima' },
    baseline: 'construyendo tu referencia',
    modality: { aerobic: 'Aeróbico', resistance: 'Fuerza', hiit: 'HIIT', combined: 'Combinado', other: 'Otro' },
    acute: 'Carga aguda (7 días)',
    chronic: 'Carga crónica (28 días)',
    ratio: 'Aguda ÷ crónica',
    load: 'Carga',
    au: 'UA',
    empty: 'Aún no hay sesiones. Registra la primera y este gráfico empezará a mostrar cómo llega el entrenamiento.',
    loading: 'Cargando sesiones…',
    unavailable: 'No se pudieron leer las sesiones.',
    summary: (week, ratio, method, band) => `Esta semana ${week} UA, ${ratio} veces tu carga crónica (${method}); en la banda «${band}».`,
    summaryBaseline: (week, days) =>
      `Esta semana ${week} UA. Construyendo tu referencia: la comparación con tu último mes empieza tras 28 días de historial (${days} hasta ahora).`,
    summaryNoRatio: (week) => `Esta semana ${week} UA. Muy poco entrenamiento reciente para comparar con tu mes.`,
    showTable: 'Ver los datos en una tabla',
    hideTable: 'Ocultar la tabla',
    date: 'Fecha',
    sessions: 'Sesiones',
    sessionCount: (n) => `${n} ${n === 1 ? 'sesión' : 'sesiones'}`,
    dayDetail: (date, load, sessions, ratio, band) =>
      `${date}: ${load} UA de ${sessions} sesión${sessions === 1 ? '' : 'es'}${ratio ? `; cociente ${ratio}${band ? `, ${band}` : ''}` : band ? `; ${band}` : ''}.`,
    chartLabel: 'Gráfico de carga de entrenamiento',
    keyboardHint: 'Usa las flechas para moverte día a día.',
    monotony: 'Monotonía',
    strain: 'Tensión',
    fitness: 'Forma física (42 días)',
    fatigue: 'Fatiga (7 días)',
    form: 'Frescura',
    panelMonotony: 'Monotonía de los últimos 7 días (media ÷ DE)',
    panelStrain: 'Tensión (carga semanal × monotonía, UA)',
    panelFitness: 'Forma física, fatiga y frescura (UA)',
    variant: { exponential: 'decaimiento exponencial', linear: 'decaimiento lineal' },
    captionFitness: (variant) => ` Carga de forma física (42 días) y de fatiga (7 días) con ${variant}; la frescura es la forma física menos la fatiga del día anterior.`,
    glucose: (unit) => `Glucosa en ayunas (${unit})`,
    detailMonotony: (monotony, strain) => ` Monotonía ${monotony}, tensión ${strain} UA.`,
    detailFitness: (fitness, fatigue, form) => ` Forma física ${fitness}, fatiga ${fatigue}, frescura ${form}.`,
    detailGlucose: (values, unit) => ` Glucosa en ayunas ${values} ${unit}.`,
    note: 'Una guía de cómo se compara esta semana con tu entrenamiento reciente, no un diagnóstico.',
    noteLink: 'Qué significan los números',
  },
};
