/** Every queue and job of the system, with the payload each job carries. The worker checks it has one handler per job. */
export enum QueueName {
  WrittenProcedures = 'written-procedures',
  Notifications = 'notifications',
  TransparencyLog = 'transparency-log',
  Reminders = 'reminders',
  Documents = 'documents',
}

export enum JobName {
  /** Closes the open ballots of one written procedure at its deadline, then the procedure. */
  CloseWrittenProcedure = 'close-written-procedure',
  /** Closes every written procedure past its deadline: the safety net for a Redis that lost its delayed jobs. */
  SweepWrittenProcedures = 'sweep-written-procedures',
  /** Sends one outbox row; its job id is the notification id, so the relay never queues one twice. */
  SendNotification = 'send-notification',
  /** Makes committed audit entries leaves of the log's tree and signs a checkpoint; repeated every LOG_INTEGRATION_INTERVAL_MS. */
  IntegrateLog = 'integrate-log',
  /** Sends the reminders PostgreSQL says are due and not yet sent; repeated every REMINDER_INTERVAL_MS. */
  SendDueReminders = 'send-due-reminders',
  /** Makes the documents document_requests asks for; repeated every DOCUMENT_INTERVAL_MS. */
  IssueDueDocuments = 'issue-due-documents',
}

export interface JobPayloads {
  [JobName.CloseWrittenProcedure]: { assemblyId: string };
  [JobName.SweepWrittenProcedures]: Record<string, never>;
  [JobName.SendNotification]: { notificationId: string };
  [JobName.IntegrateLog]: Record<string, never>;
  [JobName.SendDueReminders]: Record<string, never>;
  [JobName.IssueDueDocuments]: Record<string, never>;
}

export const JOBS_OF_QUEUE = {
  [QueueName.WrittenProcedures]: [JobName.CloseWrittenProcedure, JobName.SweepWrittenProcedures],
  [QueueName.Notifications]: [JobName.SendNotification],
  [QueueName.TransparencyLog]: [JobName.IntegrateLog],
  [QueueName.Reminders]: [JobName.SendDueReminders],
  [QueueName.Documents]: [JobName.IssueDueDocuments],
} as const satisfies Record<QueueName, readonly JobName[]>;
