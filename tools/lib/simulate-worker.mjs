// Workers do not inherit tsx's loader: this registers it, then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./simulate-worker.ts');
