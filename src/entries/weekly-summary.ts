/** `loadwise/weekly-summary`: registers `<weekly-summary>` and exports its class. */
import { define } from '../base/define.js';
import { WeeklySummary } from '../tracking/weekly-summary/weekly-summary.js';

define('weekly-summary', WeeklySummary);

export { WeeklySummary };
