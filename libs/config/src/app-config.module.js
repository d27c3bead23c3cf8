var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var AppConfigModule_1;
import { Module } from '@nestjs/common';
import { AppConfig } from './app-config.js';
let AppConfigModule = AppConfigModule_1 = class AppConfigModule {
    static forRoot(loaded) {
        return {
            module: AppConfigModule_1,
            global: true,
            imports: [loaded.module],
            providers: [{ provide: AppConfig, useValue: loaded.config }],
            exports: [AppConfig],
        };
    }
};
AppConfigModule = AppConfigModule_1 = __decorate([
    Module({})
], AppConfigModule);
export { AppConfigModule };
//# sourceMappingURL=app-config.module.js.map