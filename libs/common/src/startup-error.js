export class StartupError extends Error {
    name = 'StartupError';
}
//# sourceMappingURL=startup-error.js.map