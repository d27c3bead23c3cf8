import { StartupError } from "../../common/src/index.js";
export class ConfigError extends StartupError {
    constructor(problem) {
        super(`configuration error: ${problem}`);
    }
}
//# sourceMappingURL=config-error.js.map