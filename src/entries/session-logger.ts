/** `loadwise/session-logger`: registers `<session-logger>` and exports its class. */
import { define } from '../base/define.js';
import { SessionLogger } from '../tracking/session-logger/session-logger.js';

define('session-logger', SessionLogger);

export { SessionLogger };
export type * from '../tracking/session-logger/events.js';
export type { FormValues, FieldErrors, ParsedForm, FormSettings } from '../tracking/session-logger/form-model.js';
export { sessionLoggerStrings, type SessionLoggerStrings } from '../tracking/session-logger/strings.js';
