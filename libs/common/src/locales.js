export const SUPPORTED_LOCALES = ['en', 'ko', 'ja', 'zh', 'ru', 'mn'];
export const DEFAULT_LOCALE = 'en';
//# sourceMappingURL=locales.js.map