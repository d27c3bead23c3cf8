/**
 * Import circles are refused, between files and (through each lib's index.ts) between libs, type-only imports included;
 * and the API's process loads neither the mail transports nor the PDF maker.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle: a lib or file depends on itself through others. Turn one dependency around.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'api-sends-no-mail-and-makes-no-pdf',
      severity: 'error',
      comment:
        "The API writes outbox rows and serves documents already made; sending mail and making PDFs are the worker's " +
        '(@near/notifications/delivery, @near/documents/issuing). Loaded in the API they cost about 13 MB of its memory.',
      from: { path: '^apps/api/src/main[.]ts$' },
      // Matched by name as well: the resolver does not follow pdfkit's conditional exports.
      to: { path: '^(node_modules/)?(nodemailer|pdfkit|qrcode)([/]|$)', reachable: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|var|bench/results)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
