/** `loadwise/load-chart`: registers `<load-chart>` and exports its class. */
import { define } from '../base/define.js';
import { LoadChart } from '../tracking/load-chart/load-chart.js';

define('load-chart', LoadChart);

export { LoadChart };
