import type { StringTable } from '../../base/strings.js';

/** Words `<weekly-summary>` shows. Plain and encouraging; never advice. */
export interface WeeklySummaryStrings {
  title: string;
  loading: string;
  unavailable: string;
  empty: string;
  reached: string;
  notYet: string;
  aerobicLabel: string;
  aerobicValue: (minutes: string, target: string) => string;
  aerobicHint: string;
  resistanceLabel: string;
  resistanceValue: (days: number) => string;
  resistanceHint: string;
  consecutiveNote: string;
  restLabel: string;
  restValue: (days: number) => string;
  restHint: (limit: number) => string;
  bothLabel: string;
  bothYes: string;
  bothNo: string;
  sourcesIntro: string;
  disclaimer: string;
}

export const weeklySummaryStrings: StringTable<WeeklySummaryStrings> = {
  en: {
    title: 'This week',
    loading: 'Loading this week…',
    unavailable: 'This week’s sessions could not be read.',
    empty: 'Nothing logged yet this week. Every session you log shows here.',
    reached: 'Reached',
    notYet: 'Not yet',
    aerobicLabel: 'Aerobic-type activity',
    aerobicValue: (minutes, target) => `${minutes} of ${target} minutes`,
    aerobicHint: 'Aerobic and interval sessions count in full, combined sessions by half.',
    resistanceLabel: 'Resistance training',
    resistanceValue: (days) => `${days} of 2–3 days`,
    resistanceHint: 'On days that are not next to each other; combined sessions count.',
    consecutiveNote: 'Two of these days are back to back.',
    restLabel: 'Longest break',
    restValue: (days) => (days === 0 ? 'Active every day' : days === 1 ? '1 day without activity' : `${days} days in a row without activity`),
    restHint: (limit) => `The statements suggest no more than ${limit} days in a row.`,
    bothLabel: 'Both kinds of training',
    bothYes: 'This week combined aerobic-type and resistance training.',
    bothNo: 'Not yet combined this week.',
    sourcesIntro: 'Targets from',
    disclaimer: 'Published targets for adults with type 2 diabetes, for reference; not personal medical advice.',
  },
  es: {
    title: 'Esta semana',
    loading: 'Cargando esta semana…',
    unavailable: 'No se pudieron leer las sesiones de esta semana.',
    empty: 'Aún no hay nada registrado esta semana. Cada sesión que registres aparece aquí.',
    reached: 'Alcanzado',
    notYet: 'Todavía no',
    aerobicLabel: 'Actividad de tipo aeróbico',
    aerobicValue: (minutes, target) => `${minutes} de ${target} minutos`,
    aerobicHint: 'Las sesiones aeróbicas y de intervalos cuentan enteras; las combinadas, la mitad.',
    resistanceLabel: 'Entrenamiento de fuerza',
    resistanceValue: (days) => `${days} de 2–3 días`,
    resistanceHint: 'En días no consecutivos; las sesiones combinadas cuentan.',
    consecutiveNote: 'Dos de estos días son seguidos.',
    restLabel: 'Pausa más larga',
    restValue: (days) => (days === 0 ? 'Activo todos los días' : days === 1 ? '1 día sin actividad' : `${days} días seguidos sin actividad`),
    restHint: (limit) => `Las recomendaciones sugieren no más de ${limit} días seguidos.`,
    bothLabel: 'Ambos tipos de entrenamiento',
    bothYes: 'Esta semana combinó actividad aeróbica y entrenamiento de fuerza.',
    bothNo: 'Aún no se han combinado esta semana.',
    sourcesIntro: 'Objetivos de',
    disclaimer: 'Objetivos publicados para adultos con diabetes tipo 2, como referencia; no son consejo médico personal.',
  },
};
