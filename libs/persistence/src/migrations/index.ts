import { InitialReadModel1763800000000 } from './1763800000000-initial-read-model';

/** In order of application. */
export const MIGRATIONS = [InitialReadModel1763800000000];
