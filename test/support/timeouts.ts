// Suites on the real stack start servers and workers; a generous ceiling, never an assertion on speed.
jest.setTimeout(120_000);
