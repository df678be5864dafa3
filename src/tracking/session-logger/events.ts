/**
 * The events `<session-logger>` fires and what each carries: one list, which the logger's entry
 * and the library's index both re-export.
 */
import type { GlucoseReading, TrainingSession } from '../model.js';
import type { StoredOf } from '../storage/types.js';

export interface SessionSaveDetail {
  /** The record about to be written. A listener may replace it (`detail.record = {...}`) to enrich it. */
  record: TrainingSession;
  /** The glucose reading entered with it, if any; replaceable too. */
  glucose: GlucoseReading | undefined;
  /** Whether this saves changes to a stored session (rather than a new one). */
  editing: boolean;
}
export interface SessionSavedDetail {
  record: TrainingSession;
  stored: StoredOf<'sessions'>;
  /** `true` for a new session, `false` for changes to one. */
  created: boolean;
}
export interface SessionDeletedDetail {
  id: string;
  /** The session as it was before removal. */
  record: TrainingSession;
  /** The tombstone now stored. */
  stored: StoredOf<'sessions'>;
}
export interface SessionRestoredDetail {
  record: TrainingSession;
  stored: StoredOf<'sessions'>;
}
export interface GlucoseSavedDetail {
  reading: GlucoseReading;
  stored: StoredOf<'glucose'>;
}

declare global {
  interface HTMLElementEventMap {
    'session-save': CustomEvent<SessionSaveDetail>;
    'session-saved': CustomEvent<SessionSavedDetail>;
    'session-deleted': CustomEvent<SessionDeletedDetail>;
    'session-restored': CustomEvent<SessionRestoredDetail>;
    'glucose-saved': CustomEvent<GlucoseSavedDetail>;
  }
}
