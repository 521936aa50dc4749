import { DefaultLogger, Runtime } from '@temporalio/worker';

// Workers in tests log SDK warnings and errors only, so failures stand out.
Runtime.install({ logger: new DefaultLogger('WARN') });
