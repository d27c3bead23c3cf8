// Native ESM jest (NestJS 12 is ESM-only): run through `node --experimental-vm-modules`, see package.json.
const aliases = [
  'admission',
  'audit',
  'common',
  'config',
  'database',
  'demo',
  'documents',
  'identity',
  'notifications',
  'queue',
  'registry',
  'voting',
];

/** @type {import('jest').Config} */
export default {
  rootDir: '.',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  extensionsToTreatAsEsm: ['.ts'],
  testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleNameMapper: {
    ...Object.fromEntries(aliases.map((name) => [`^@near/${name}$`, `<rootDir>/libs/${name}/src/index.ts`])),
    // A lib's second entry, for what only the worker loads (tsconfig.json's paths).
    '^@near/documents/issuing$': '<rootDir>/libs/documents/src/issuing.ts',
    '^@near/notifications/delivery$': '<rootDir>/libs/notifications/src/delivery.ts',
    // @fastify/static (CommonJS, used by the OpenAPI page) requires content-disposition 3, which is ESM-only.
    '^content-disposition$': '<rootDir>/node_modules/content-disposition/index.js',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testTimeout: 180_000,
  maxWorkers: 2,
  // A worker exits some 0.5 s after its last suite (its environment torn down), past jest's default of 500 ms,
  // which then killed it and printed "A worker process has failed to exit gracefully". A handle left open still
  // shows: the worker then never exits by itself, and is killed with that message after this long.
  workerGracefulExitTimeout: 5_000,
};
