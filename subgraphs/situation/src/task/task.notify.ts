import type { Sql } from '../db';

/** What an account is told about a task: never an ID number or a person's name (village and dates only). */
export interface TaskNotice {
  /** The staff account (the `sub` of its token). */
  recipient: string;
  recipientKind: string | null;
  kind: 'TASK_ASSIGNED' | 'TASK_OVERDUE' | 'TASK_REOPENED';
  taskId: number;
  text: string;
}

/**
 * How notices leave the service. Called inside the transaction of the change that caused the
 * notice, so a notice exists exactly when its change committed. A county plugs in its own
 * channel; the default writes a row that its SMS or WeChat gateway reads.
 */
export interface NotificationChannel {
  notify(sql: Sql, notice: TaskNotice): Promise<void>;
}

/** The default channel: a row in notification_outbox (recipient, kind, task, text); no external call. */
export const outboxChannel: NotificationChannel = {
  async notify(sql, notice) {
    await sql.rows(`insert into notification_outbox (recipient, recipient_kind, kind, task_id, text) values ($1, $2, $3, $4, $5)`, [
      notice.recipient,
      notice.recipientKind,
      notice.kind,
      notice.taskId,
      notice.text.slice(0, 300),
    ]);
  },
};

let current: NotificationChannel = outboxChannel;

/** The channel in use (the outbox unless a deployment plugged in another with useNotificationChannel). */
export function notificationChannel(): NotificationChannel {
  return current;
}

export function useNotificationChannel(channel: NotificationChannel): void {
  current = channel;
}
