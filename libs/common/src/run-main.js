import { StartupError } from './startup-error.js';
export function runMain(processName, main) {
    main().catch((error) => {
        if (error instanceof StartupError) {
            console.error(`${processName}: ${error.message}`);
        }
        else {
            console.error(`${processName}: failed to start:`, error);
        }
        process.exit(1);
    });
}
//# sourceMappingURL=run-main.js.map