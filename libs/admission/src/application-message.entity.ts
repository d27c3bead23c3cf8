import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ApplicationMessageKind = 'information-request' | 'response';

/** The correspondence of a review: the Secretariat's requests for information and the applicant's answers. */
@Entity('application_messages')
export class ApplicationMessage {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @Column({ type: 'text' })
  kind!: ApplicationMessageKind;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** The application's attachments an answer sent with it. */
  @Column({ name: 'attachment_ids', type: 'uuid', array: true, default: () => "'{}'" })
  attachmentIds!: string[];
}
