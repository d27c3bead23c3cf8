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
export const ASSEMBLY_BODIES = ['general_assembly', 'working_committee', 'written_procedure'];
export const ASSEMBLY_STATUSES = ['scheduled', 'in_session', 'closed'];
let Assembly = class Assembly {
    id;
    body;
    number;
    hostGovernmentId;
    startsOn;
    endsOn;
    venue;
    deadline;
    status;
    notes;
    createdAt;
    updatedAt;
    version;
};
__decorate([
    PrimaryGeneratedColumn('uuid'),
    __metadata("design:type", String)
], Assembly.prototype, "id", void 0);
__decorate([
    Column({ type: 'text' }),
    __metadata("design:type", String)
], Assembly.prototype, "body", void 0);
__decorate([
    Column({ type: 'integer' }),
    __metadata("design:type", Number)
], Assembly.prototype, "number", void 0);
__decorate([
    Column({ name: 'host_government_id', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], Assembly.prototype, "hostGovernmentId", void 0);
__decorate([
    Column({ name: 'starts_on', type: 'date', nullable: true }),
    __metadata("design:type", Object)
], Assembly.prototype, "startsOn", void 0);
__decorate([
    Column({ name: 'ends_on', type: 'date', nullable: true }),
    __metadata("design:type", Object)
], Assembly.prototype, "endsOn", void 0);
__decorate([
    Column({ type: 'text', nullable: true }),
    __metadata("design:type", Object)
], Assembly.prototype, "venue", void 0);
__decorate([
    Column({ type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], Assembly.prototype, "deadline", void 0);
__decorate([
    Column({ type: 'text' }),
    __metadata("design:type", String)
], Assembly.prototype, "status", void 0);
__decorate([
    Column({ type: 'text', nullable: true }),
    __metadata("design:type", Object)
], Assembly.prototype, "notes", void 0);
__decorate([
    CreateDateColumn({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], Assembly.prototype, "createdAt", void 0);
__decorate([
    UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], Assembly.prototype, "updatedAt", void 0);
__decorate([
    VersionColumn(),
    __metadata("design:type", Number)
], Assembly.prototype, "version", void 0);
Assembly = __decorate([
    Entity('assemblies')
], Assembly);
export { Assembly };
//# sourceMappingURL=assembly.entity.js.map