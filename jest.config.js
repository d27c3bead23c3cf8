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
    // @fastify/static (CommonJS, used by the OpenAPI page) requires content-disposition 3, which is ESM-only.
    '^content-disposition$': '<rootDir>/node_modules/content-disposition/index.js',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testTimeout: 180_000,
  maxWorkers: 2,
};
