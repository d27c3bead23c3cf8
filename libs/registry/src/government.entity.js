var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
export const GOVERNMENT_STATUSES = ['member', 'associate', 'observer', 'prospective'];
export const GOVERNMENT_LEVELS = ['regional', 'local'];
let Government = class Government {
    id;
    nameEn;
    nameLocal;
    country;
    level;
    kind;
    status;
    memberSince;
    createdAt;
    updatedAt;
    version;
};
__decorate([
    PrimaryGeneratedColumn('uuid'),
    __metadata("design:type", String)
], Government.prototype, "id", void 0);
__decorate([
    Column({ name: 'name_en', type: 'text' }),
    __metadata("design:type", String)
], Government.prototype, "nameEn", void 0);
__decorate([
    Column({ name: 'name_local', type: 'text' }),
    __metadata("design:type", String)
], Government.prototype, "nameLocal", void 0);
__decorate([
    Column({ type: 'char', length: 2 }),
    __metadata("design:type", String)
], Government.prototype, "country", void 0);
__decorate([
    Column({ type: 'text' }),
    __metadata("design:type", String)
], Government.prototype, "level", void 0);
__decorate([
    Column({ type: 'text', nullable: true }),
    __metadata("design:type", Object)
], Government.prototype, "kind", void 0);
__decorate([
    Column({ type: 'text' }),
    __metadata("design:type", String)
], Government.prototype, "status", void 0);
__decorate([
    Column({ name: 'member_since', type: 'date', nullable: true }),
    __metadata("design:type", Object)
], Government.prototype, "memberSince", void 0);
__decorate([
    CreateDateColumn({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], Government.prototype, "createdAt", void 0);
__decorate([
    UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], Government.prototype, "updatedAt", void 0);
__decorate([
    VersionColumn(),
    __metadata("design:type", Number)
], Government.prototype, "version", void 0);
Government = __decorate([
    Entity('governments')
], Government);
export { Government };
//# sourceMappingURL=government.entity.js.map