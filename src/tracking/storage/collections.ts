/**
 * What each collection stores and how its records evolve: the schema version this code reads,
 * the validator, the time a record is sorted and ranged by, and the migrations that bring an older
 * record forward one version at a time.
 */
import type { FieldIssue, Validation } from '../../base/validation.js';
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

/** Why a stored, imported or pulled record cannot be read as this code's version of it. */
export type UpgradeFault =
  | { fault: 'no-version' }
  /** Written by a newer version of loadwise than this one. */
  | { fault: 'newer'; version: number }
  | { fault: 'no-migration'; from: number }
  | { fault: 'invalid'; issues: FieldIssue[] }
  /** Valid, but under another id than the one it came with. */
  | { fault: 'wrong-id'; found: string };

export type Upgrade<T> = ({ ok: true; record: T; migrated: boolean }) | ({ ok: false } & UpgradeFault);

/**
 * Brings a record of any earlier schema version up to the one this code reads, one migration at
 * a time, then validates it and checks it is the record `id` says. The one way every record from
 * outside this code is read: from storage, from an import file, from the server. Each caller
 * words the fault for its own reader.
 */
export function upgradeRecord<T>(spec: CollectionSpec<T>, record: Record<string, unknown>, id: string): Upgrade<T> {
  const version = record.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, fault: 'no-version' };
  if (version > spec.version) return { ok: false, fault: 'newer', version };
  let current = record;
  for (let v = version; v < spec.version; v++) {
    const step = spec.migrations[v];
    if (!step) return { ok: false, fault: 'no-migration', from: v };
    current = { ...step(current), schemaVersion: v + 1 };
  }
  const result = spec.validate(current);
  if (!result.ok) return { ok: false, fault: 'invalid', issues: result.issues };
  const found = (result.value as { id: string }).id;
  if (found !== id) return { ok: false, fault: 'wrong-id', found };
  return { ok: true, record: result.value, migrated: version < spec.version };
}

/**
 * A fault as issues naming the fields at fault, for readers that report fields (an import's
 * report, a pull the server sent): paths start with `prefix` (`record.` inside an import entry);
 * `wrongId` words the id fault for the reader.
 */
export function upgradeIssues(fault: UpgradeFault, version: number, prefix: string, wrongId: (found: string) => string): FieldIssue[] {
  const at = `${prefix}schemaVersion`;
  switch (fault.fault) {
    case 'no-version':
      return [{ path: at, message: 'must be a whole number from 1' }];
    case 'newer':
      return [{ path: at, message: `is ${fault.version}: written by a newer version of loadwise (this version reads up to ${version})` }];
    case 'no-migration':
      return [{ path: at, message: `is ${fault.from}, and there is no migration from it` }];
    case 'invalid':
      // A record-level issue ("(session)") names the record itself.
      return fault.issues.map((i) => ({ path: !prefix ? i.path : i.path.startsWith('(') ? prefix.slice(0, -1) : `${prefix}${i.path}`, message: i.message }));
    case 'wrong-id':
      return [{ path: 'id', message: wrongId(fault.found) }];
  }
}
