/**
 * Typed storage errors. Each has a `code` as well as a class, because `instanceof` fails across
 * two copies of loadwise on one page; check `error.code === 'conflict'` to be safe.
 */
import type { FieldIssue } from '../../base/validation.js';

export type StorageErrorCode =
  | 'validation'
  | 'conflict'
  | 'not-found'
  | 'quota'
  | 'offline'
  | 'unauthorized'
  | 'unavailable'
  | 'version-too-new';

export class StorageError extends Error {
  override name = 'StorageError';
  constructor(
    readonly code: StorageErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The record is not valid; nothing was written. */
export class ValidationError extends StorageError {
  override name = 'ValidationError';
  constructor(readonly issues: FieldIssue[]) {
    super('validation', `Not saved: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`);
  }
}

/** The record changed since it was read (or exists already); nothing was overwritten. */
export class ConflictError<T = unknown> extends StorageError {
  override name = 'ConflictError';
  /** The record as it is now in storage: a tombstone if removed, undefined if it is not there. */
  constructor(
    readonly current: T | undefined,
    message = 'This record was changed elsewhere since it was read.',
  ) {
    super('conflict', message);
  }
}

export class NotFoundError extends StorageError {
  override name = 'NotFoundError';
  constructor(collection: string, id: string) {
    super('not-found', `No ${collection} record with id ${id}.`);
  }
}

/** The browser's storage for this site is full; earlier data is intact, this write was not made. */
export class QuotaError extends StorageError {
  override name = 'QuotaError';
  constructor(options?: ErrorOptions) {
    super('quota', 'Storage on this device is full, so this was not saved. Earlier entries are safe.', options);
  }
}

export class OfflineError extends StorageError {
  override name = 'OfflineError';
  constructor(options?: ErrorOptions) {
    super('offline', 'You appear to be offline.', options);
  }
}

export class UnauthorizedError extends StorageError {
  override name = 'UnauthorizedError';
  constructor(options?: ErrorOptions) {
    super('unauthorized', 'You are signed out, or not allowed to do this.', options);
  }
}

/** Storage cannot be used at all (blocked by the browser, private mode, a server down). */
export class UnavailableError extends StorageError {
  override name = 'UnavailableError';
  constructor(message = 'Storage is not available here.', options?: ErrorOptions) {
    super('unavailable', message, options);
  }
}

/** Data written by a newer version of loadwise: refused, never downgraded. */
export class VersionTooNewError extends StorageError {
  override name = 'VersionTooNewError';
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super('version-too-new', `Written by a newer version (schema ${found}; this version reads up to ${supported}).`);
  }
}

/** True for a `QuotaExceededError` from any storage API, under each browser's name for it. */
export function isQuotaExceeded(error: unknown): boolean {
  const e = error as { name?: string; code?: number } | null;
  return !!e && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22);
}
