/**
 * Every word `<session-logger>` shows, in one table: labels, hints, the CR-10 anchors and every
 * validation and storage message. English and Spanish ship; a site can add a language by
 * extending the table. Numbers reach these functions already formatted with `Intl`.
 */
import type { StringTable } from '../../base/strings.js';
import type { GlucoseContext, Modality } from '../model.js';

export interface SessionLoggerStrings {
  title: string;
  modality: string;
  modalities: Record<Modality, string>;
  date: string;
  time: string;
  duration: string;
  durationUnit: string;
  rpe: string;
  rpeHint: string;
  /** Foster's session-RPE CR-10 wording; levels without words are left out. */
  rpeAnchors: Partial<Record<number, string>>;
  load: string;
  loadValue: (load: string) => string;
  loadEmpty: string;
  optional: string;
  heartRate: string;
  avgHr: string;
  maxHr: string;
  bpm: string;
  exercises: string;
  exercise: (n: number) => string;
  exerciseName: string;
  set: (n: number) => string;
  reps: string;
  loadWeight: (unit: string) => string;
  rir: string;
  addExercise: string;
  removeExercise: (n: number) => string;
  addSet: string;
  removeSet: (n: number) => string;
  notes: string;
  feel: string;
  feelHint: string;
  wellness: { sleepQuality: string; soreness: string; fatigue: string; stress: string };
  wellnessScale: string;
  notRated: string;
  glucose: string;
  glucoseValue: (unit: string) => string;
  glucoseContext: string;
  glucoseContexts: Record<GlucoseContext, string>;
  save: string;
  saving: string;
  saveChanges: string;
  cancelEdit: string;
  retry: string;
  clear: string;
  logAgain: string;
  logAgainItem: (summary: string) => string;
  saved: string;
  savedGlucose: string;
  vetoed: string;
  noStore: string;
  // Validation
  errorSummary: (count: number) => string;
  modalityRequired: string;
  dateRequired: string;
  timeRequired: string;
  startInFuture: string;
  durationRange: (min: string, max: string) => string;
  rpeRequired: string;
  avgHrRange: (min: string, max: string) => string;
  maxHrRange: (min: string, max: string) => string;
  avgAboveMax: string;
  notesTooLong: (max: string) => string;
  exerciseNameRequired: string;
  exerciseNameTooLong: (max: string) => string;
  repsRange: (min: string, max: string) => string;
  loadRange: (min: string, max: string, unit: string) => string;
  rirRange: (min: string, max: string) => string;
  glucoseRange: (min: string, max: string, unit: string) => string;
  glucoseContextRequired: string;
  // Storage failures
  failed: Record<'quota' | 'offline' | 'conflict' | 'unavailable' | 'unauthorized' | 'validation' | 'other', string>;
  keptValues: string;
  // Draft
  draftRestored: string;
  discardDraft: string;
  // Conflict
  conflictTitle: string;
  conflictIntro: string;
  conflictRemoved: string;
  yourVersion: string;
  theirVersion: string;
  keepMine: string;
  takeTheirs: string;
  // List
  recent: string;
  noSessions: string;
  showMore: string;
  editShort: string;
  edit: (summary: string) => string;
  removeShort: string;
  remove: (summary: string) => string;
  deleted: string;
  undo: string;
  restored: string;
  rowSummary: (date: string, modality: string) => string;
  minutes: (n: string) => string;
  rpeShort: (n: string) => string;
  loadShort: (n: string) => string;
  // Transfer
  dataTitle: string;
  exportJson: string;
  exportCsv: string;
  importFile: string;
  importReport: (added: number, unchanged: number, conflicts: number, rejected: number) => string;
  importFailed: (message: string) => string;
}

export const sessionLoggerStrings: StringTable<SessionLoggerStrings> = {
  en: {
    title: 'Log a training session',
    modality: 'Kind of session',
    modalities: { aerobic: 'Aerobic', resistance: 'Resistance', hiit: 'HIIT', combined: 'Combined', other: 'Other' },
    date: 'Date',
    time: 'Start time',
    duration: 'Duration',
    durationUnit: 'minutes',
    rpe: 'How hard was the session? (session RPE, 0–10)',
    rpeHint: 'Rate the whole session about 30 minutes after it ended.',
    rpeAnchors: { 0: 'Rest', 1: 'Very, very easy', 2: 'Easy', 3: 'Moderate', 4: 'Somewhat hard', 5: 'Hard', 7: 'Very hard', 10: 'Maximal' },
    load: 'Session load',
    loadValue: (load) => `${load} AU (RPE × minutes)`,
    loadEmpty: 'Enter duration and RPE to see the load.',
    optional: 'optional',
    heartRate: 'Heart rate',
    avgHr: 'Average heart rate',
    maxHr: 'Maximum heart rate',
    bpm: 'beats per minute',
    exercises: 'Exercises',
    exercise: (n) => `Exercise ${n}`,
    exerciseName: 'Name',
    set: (n) => `Set ${n}`,
    reps: 'Reps',
    loadWeight: (unit) => `Load (${unit})`,
    rir: 'Reps in reserve',
    addExercise: 'Add an exercise',
    removeExercise: (n) => `Remove exercise ${n}`,
    addSet: 'Add a set',
    removeSet: (n) => `Remove set ${n}`,
    notes: 'Notes',
    feel: 'How you feel',
    feelHint: '1 is very poor or very low, 5 is very good or very high.',
    wellness: { sleepQuality: 'Sleep quality', soreness: 'Soreness', fatigue: 'Fatigue', stress: 'Stress' },
    wellnessScale: '1 to 5',
    notRated: 'Not rated',
    glucose: 'Glucose reading',
    glucoseValue: (unit) => `Glucose (${unit})`,
    glucoseContext: 'When was it taken?',
    glucoseContexts: { fasting: 'Fasting', 'before-meal': 'Before a meal', 'after-meal': 'After a meal', other: 'Other' },
    save: 'Save session',
    saving: 'Saving…',
    saveChanges: 'Save changes',
    cancelEdit: 'Cancel editing',
    retry: 'Try again',
    clear: 'Clear the form',
    logAgain: 'Log again',
    logAgainItem: (summary) => `Log again: ${summary}`,
    saved: 'Session saved.',
    savedGlucose: 'Session and glucose reading saved.',
    vetoed: 'This site did not accept the session. Your entry is kept.',
    noStore: 'Storage is not available yet. Your entry is kept.',
    errorSummary: (count) => (count === 1 ? 'There is 1 problem to fix before saving:' : `There are ${count} problems to fix before saving:`),
    modalityRequired: 'Choose the kind of session: Aerobic, Resistance, HIIT, Combined or Other.',
    dateRequired: 'Enter the date of the session.',
    timeRequired: 'Enter the time the session started.',
    startInFuture: 'The start of the session cannot be in the future.',
    durationRange: (min, max) => `Duration must be between ${min} and ${max} minutes.`,
    rpeRequired: 'Choose how hard the session was, from 0 (rest) to 10 (maximal).',
    avgHrRange: (min, max) => `Average heart rate must be a whole number between ${min} and ${max} beats per minute.`,
    maxHrRange: (min, max) => `Maximum heart rate must be a whole number between ${min} and ${max} beats per minute.`,
    avgAboveMax: 'Average heart rate cannot be above the maximum heart rate.',
    notesTooLong: (max) => `Notes must be at most ${max} characters.`,
    exerciseNameRequired: 'Give this exercise a name.',
    exerciseNameTooLong: (max) => `Exercise names must be at most ${max} characters.`,
    repsRange: (min, max) => `Reps must be a whole number between ${min} and ${max}.`,
    loadRange: (min, max, unit) => `Load must be between ${min} and ${max} ${unit}.`,
    rirRange: (min, max) => `Reps in reserve must be a whole number between ${min} and ${max}.`,
    glucoseRange: (min, max, unit) => `Glucose must be between ${min} and ${max} ${unit}.`,
    glucoseContextRequired: 'Choose when the glucose reading was taken.',
    failed: {
      quota: 'Not saved: storage on this device is full. Your entry is kept; free some space and try again.',
      offline: 'Not saved: you appear to be offline. Your entry is kept; try again when you are back online.',
      conflict: 'Not saved: this session was changed elsewhere.',
      unavailable: 'Not saved: storage is not available right now. Your entry is kept; try again.',
      unauthorized: 'Not saved: you are signed out, or not allowed to do this. Your entry is kept.',
      validation: 'Not saved: the storage refused the entry as invalid. Your entry is kept.',
      other: 'Not saved: something went wrong. Your entry is kept; try again.',
    },
    keptValues: 'Your entry is kept.',
    draftRestored: 'Your unfinished entry was restored.',
    discardDraft: 'Discard draft',
    conflictTitle: 'This session was changed in another tab or device',
    conflictIntro: 'Choose which version to keep.',
    conflictRemoved: 'It was deleted there.',
    yourVersion: 'Your version',
    theirVersion: 'The other version',
    keepMine: 'Keep mine',
    takeTheirs: 'Take the other version',
    recent: 'Recent sessions',
    noSessions: 'No sessions logged yet.',
    showMore: 'Show more',
    editShort: 'Edit',
    edit: (summary) => `Edit ${summary}`,
    removeShort: 'Delete',
    remove: (summary) => `Delete ${summary}`,
    deleted: 'Session deleted.',
    undo: 'Undo',
    restored: 'Session restored.',
    rowSummary: (date, modality) => `${modality} session, ${date}`,
    minutes: (n) => `${n} min`,
    rpeShort: (n) => `RPE ${n}`,
    loadShort: (n) => `${n} AU`,
    dataTitle: 'Your data',
    exportJson: 'Export JSON',
    exportCsv: 'Export CSV',
    importFile: 'Import a file (JSON or CSV)',
    importReport: (added, unchanged, conflicts, rejected) =>
      `Import finished: ${added} added, ${unchanged} already here, ${conflicts} kept as stored (a different version is here), ${rejected} not valid.`,
    importFailed: (message) => `Import failed: ${message}`,
  },
  es: {
    title: 'Registrar una sesión de entrenamiento',
    modality: 'Tipo de sesión',
    modalities: { aerobic: 'Aeróbica', resistance: 'Fuerza', hiit: 'HIIT', combined: 'Combinada', other: 'Otra' },
    date: 'Fecha',
    time: 'Hora de inicio',
    duration: 'Duración',
    durationUnit: 'minutos',
    rpe: '¿Qué tan dura fue la sesión? (RPE de la sesión, 0–10)',
    rpeHint: 'Valora la sesión completa unos 30 minutos después de terminarla.',
    rpeAnchors: { 0: 'Reposo', 1: 'Muy, muy fácil', 2: 'Fácil', 3: 'Moderado', 4: 'Algo duro', 5: 'Duro', 7: 'Muy duro', 10: 'Máximo' },
    load: 'Carga de la sesión',
    loadValue: (load) => `${load} UA (RPE × minutos)`,
    loadEmpty: 'Indica la duración y el RPE para ver la carga.',
    optional: 'opcional',
    heartRate: 'Frecuencia cardiaca',
    avgHr: 'Frecuencia cardiaca media',
    maxHr: 'Frecuencia cardiaca máxima',
    bpm: 'latidos por minuto',
    exercises: 'Ejercicios',
    exercise: (n) => `Ejercicio ${n}`,
    exerciseName: 'Nombre',
    set: (n) => `Serie ${n}`,
    reps: 'Repeticiones',
    loadWeight: (unit) => `Carga (${unit})`,
    rir: 'Repeticiones en reserva',
    addExercise: 'Añadir un ejercicio',
    removeExercise: (n) => `Quitar el ejercicio ${n}`,
    addSet: 'Añadir una serie',
    removeSet: (n) => `Quitar la serie ${n}`,
    notes: 'Notas',
    feel: 'Cómo te sientes',
    feelHint: '1 es muy malo o muy bajo, 5 es muy bueno o muy alto.',
    wellness: { sleepQuality: 'Calidad del sueño', soreness: 'Dolor muscular', fatigue: 'Fatiga', stress: 'Estrés' },
    wellnessScale: 'de 1 a 5',
    notRated: 'Sin valorar',
    glucose: 'Lectura de glucosa',
    glucoseValue: (unit) => `Glucosa (${unit})`,
    glucoseContext: '¿Cuándo se tomó?',
    glucoseContexts: { fasting: 'En ayunas', 'before-meal': 'Antes de comer', 'after-meal': 'Después de comer', other: 'Otro momento' },
    save: 'Guardar la sesión',
    saving: 'Guardando…',
    saveChanges: 'Guardar los cambios',
    cancelEdit: 'Cancelar la edición',
    retry: 'Reintentar',
    clear: 'Vaciar el formulario',
    logAgain: 'Repetir',
    logAgainItem: (summary) => `Repetir: ${summary}`,
    saved: 'Sesión guardada.',
    savedGlucose: 'Sesión y lectura de glucosa guardadas.',
    vetoed: 'Este sitio no aceptó la sesión. Tus datos se conservan.',
    noStore: 'El almacenamiento aún no está disponible. Tus datos se conservan.',
    errorSummary: (count) => (count === 1 ? 'Hay 1 problema que corregir antes de guardar:' : `Hay ${count} problemas que corregir antes de guardar:`),
    modalityRequired: 'Elige el tipo de sesión: Aeróbica, Fuerza, HIIT, Combinada u Otra.',
    dateRequired: 'Indica la fecha de la sesión.',
    timeRequired: 'Indica la hora en que empezó la sesión.',
    startInFuture: 'El inicio de la sesión no puede estar en el futuro.',
    durationRange: (min, max) => `La duración debe estar entre ${min} y ${max} minutos.`,
    rpeRequired: 'Elige qué tan dura fue la sesión, de 0 (reposo) a 10 (máximo).',
    avgHrRange: (min, max) => `La frecuencia cardiaca media debe ser un número entero entre ${min} y ${max} latidos por minuto.`,
    maxHrRange: (min, max) => `La frecuencia cardiaca máxima debe ser un número entero entre ${min} y ${max} latidos por minuto.`,
    avgAboveMax: 'La frecuencia cardiaca media no puede superar la máxima.',
    notesTooLong: (max) => `Las notas deben tener como máximo ${max} caracteres.`,
    exerciseNameRequired: 'Pon un nombre a este ejercicio.',
    exerciseNameTooLong: (max) => `Los nombres de ejercicio deben tener como máximo ${max} caracteres.`,
    repsRange: (min, max) => `Las repeticiones deben ser un número entero entre ${min} y ${max}.`,
    loadRange: (min, max, unit) => `La carga debe estar entre ${min} y ${max} ${unit}.`,
    rirRange: (min, max) => `Las repeticiones en reserva deben ser un número entero entre ${min} y ${max}.`,
    glucoseRange: (min, max, unit) => `La glucosa debe estar entre ${min} y ${max} ${unit}.`,
    glucoseContextRequired: 'Elige cuándo se tomó la lectura de glucosa.',
    failed: {
      quota: 'No se guardó: el almacenamiento de este dispositivo está lleno. Tus datos se conservan; libera espacio y reinténtalo.',
      offline: 'No se guardó: parece que no tienes conexión. Tus datos se conservan; reinténtalo cuando vuelvas a estar en línea.',
      conflict: 'No se guardó: esta sesión se cambió en otro lugar.',
      unavailable: 'No se guardó: el almacenamiento no está disponible ahora. Tus datos se conservan; reinténtalo.',
      unauthorized: 'No se guardó: no has iniciado sesión o no tienes permiso. Tus datos se conservan.',
      validation: 'No se guardó: el almacenamiento rechazó los datos por no ser válidos. Tus datos se conservan.',
      other: 'No se guardó: algo salió mal. Tus datos se conservan; reinténtalo.',
    },
    keptValues: 'Tus datos se conservan.',
    draftRestored: 'Se recuperó tu registro sin terminar.',
    discardDraft: 'Descartar el borrador',
    conflictTitle: 'Esta sesión se cambió en otra pestaña o dispositivo',
    conflictIntro: 'Elige qué versión conservar.',
    conflictRemoved: 'Allí se eliminó.',
    yourVersion: 'Tu versión',
    theirVersion: 'La otra versión',
    keepMine: 'Conservar la mía',
    takeTheirs: 'Usar la otra versión',
    recent: 'Sesiones recientes',
    noSessions: 'Aún no hay sesiones registradas.',
    showMore: 'Mostrar más',
    editShort: 'Editar',
    edit: (summary) => `Editar ${summary}`,
    removeShort: 'Eliminar',
    remove: (summary) => `Eliminar ${summary}`,
    deleted: 'Sesión eliminada.',
    undo: 'Deshacer',
    restored: 'Sesión recuperada.',
    rowSummary: (date, modality) => `sesión de tipo ${modality}, ${date}`,
    minutes: (n) => `${n} min`,
    rpeShort: (n) => `RPE ${n}`,
    loadShort: (n) => `${n} UA`,
    dataTitle: 'Tus datos',
    exportJson: 'Exportar JSON',
    exportCsv: 'Exportar CSV',
    importFile: 'Importar un archivo (JSON o CSV)',
    importReport: (added, unchanged, conflicts, rejected) =>
      `Importación terminada: ${added} añadidos, ${unchanged} ya estaban, ${conflicts} se conservaron como estaban (hay otra versión), ${rejected} no válidos.`,
    importFailed: (message) => `La importación falló: ${message}`,
  },
};
