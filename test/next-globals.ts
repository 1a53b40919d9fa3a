// `next start` installs AsyncLocalStorage as a global before Next's request-scope modules load; tests must too.
import { AsyncLocalStorage } from "node:async_hooks";

(globalThis as { AsyncLocalStorage?: typeof AsyncLocalStorage }).AsyncLocalStorage ??= AsyncLocalStorage;
