/** Written by scripts/build-web.js from the files in i18n/: every language the app offers. */
declare const __LOCALES__: { code: string; name: string }[];
