import type { HttpBindings } from '@hono/node-server';
import type { AuthVariables } from './auth.js';

/**
 * The Hono environment of the app: under @hono/node-server each request carries Node's request
 * and response (`c.env.incoming`, used to drop a connection on purpose in fault tests); absent
 * when the app is called another way (`app.request()`), hence partial.
 */
export interface AppEnv {
  Bindings: Partial<HttpBindings>;
  Variables: AuthVariables;
}
