import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { NOTIFICATION_EVENTS, NOTIFICATION_STATUSES, type NotificationRecord, type NotificationStatus } from '@near/notifications';
import { IsUuid } from '../../http/is-uuid.decorator.js';

export class ListNotificationsQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUuid()
  applicationId?: string;

  @ApiPropertyOptional({ enum: NOTIFICATION_STATUSES })
  @IsOptional()
  @IsIn(NOTIFICATION_STATUSES)
  status?: NotificationStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit: number = 200;
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: NOTIFICATION_EVENTS }) event!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) applicationId!: string | null;
  @ApiProperty() recipient!: string;
  @ApiProperty() locale!: string;
  @ApiProperty({ enum: NOTIFICATION_STATUSES }) status!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The Message-ID it was sent with, derived from its id.' }) messageId!:
    string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) queuedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: string | null;

  static from(record: NotificationRecord): NotificationDto {
    return {
      ...record,
      applicationId: record.applicationId,
      createdAt: new Date(record.createdAt).toISOString(),
      queuedAt: record.queuedAt ? new Date(record.queuedAt).toISOString() : null,
      sentAt: record.sentAt ? new Date(record.sentAt).toISOString() : null,
    };
  }
}
