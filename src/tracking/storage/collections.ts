/**
 * What each collection stores and how its records evolve: the schema version this code reads,
 * the validator, the time a record is sorted and ranged by, and the migrations that bring an older
 * record forward one version at a time.
 */
import type { Validation } from '../../base/validation.js';
import {
  GLUCOSE_SCHEMA_VERSION,
  SESSION_SCHEMA_VERSION,
  validateGlucose,
  validateSession,
  type GlucoseReading,
  type TrainingSession,
} from '../model.js';
import type { CollectionName, CollectionRecords } from './types.js';

/** Brings a record from version `n` (the key) to `n + 1`. Must be pure: it may run more than once. */
export type Migration = (record: Record<string, unknown>) => Record<string, unknown>;

export interface CollectionSpec<T> {
  /** The schema version this code writes; older records are migrated, newer ones refused. */
  version: number;
  validate(value: unknown): Validation<T>;
  /** The instant (ISO 8601) a record is ordered and ranged by. */
  timeOf(record: T): string;
  migrations: Record<number, Migration>;
}

export type CollectionSpecs = { [C in CollectionName]: CollectionSpec<CollectionRecords[C]> };

export const defaultCollections: CollectionSpecs = {
  sessions: {
    version: SESSION_SCHEMA_VERSION,
    validate: validateSession,
    timeOf: (s: TrainingSession) => s.startedAt,
    migrations: {},
  },
  glucose: {
    version: GLUCOSE_SCHEMA_VERSION,
    validate: validateGlucose,
    timeOf: (g: GlucoseReading) => g.measuredAt,
    migrations: {},
  },
};
