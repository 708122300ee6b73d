import { gate } from "../access/policy";
import { inTransaction, transact, type RequestContext } from "../core/request-context";
import type { Listed, PageRequest } from "../db/page";
import type { NotificationRow } from "../db/schema";
import { ok, refused, UserErrorCode, UserErrors, type Outcome } from "../graphql/errors";
import { idOf } from "../graphql/global-id";
import { localDate } from "../shared/time";
import { countNotifications, insertDueReminders, markRead, notificationsOf, unreadCountOf, type NotificationFilter } from "./notification.repository";

/** The most notifications one markNotificationsRead names. */
export const MAX_MARKED = 100;

/** What markNotificationsRead takes (notification.inputs.ts is its GraphQL input type). */
export interface MarkRead {
  notificationIds?: string[] | null;
  all?: boolean | null;
}

/** A company's inbox (src/events/notify.ts writes it with the events; the sweep adds reminders). */
export class NotificationService {
  /** A page of the viewer's company's notifications, newest first. */
  async list(ctx: RequestContext, page: PageRequest, filter: NotificationFilter): Promise<Listed<NotificationRow>> {
    const v = gate(ctx.viewer, "notifications");
    return { rows: await notificationsOf(ctx.db, v.companyId!, page, filter), count: () => countNotifications(ctx.db, v.companyId!, filter) };
  }

  async unreadCount(ctx: RequestContext): Promise<number> {
    const v = gate(ctx.viewer, "notifications");
    return unreadCountOf(ctx.db, v.companyId!);
  }

  /** Marks the named notifications (or all) read; answers how many are still unread. */
  async markRead(ctx: RequestContext, input: MarkRead): Promise<Outcome<{ marked: number; unread: number }>> {
    const v = gate(ctx.viewer, "markNotificationsRead");
    const errors = new UserErrors();
    const names = input.notificationIds ?? [];
    if (input.all && names.length > 0) errors.add("notificationIds", UserErrorCode.INVALID_FORMAT, "Give either notificationIds or all: true, not both.");
    if (!input.all && names.length === 0) errors.add("notificationIds", UserErrorCode.INVALID_FORMAT, "Name the notifications to mark read, or give all: true.");
    if (names.length > MAX_MARKED) errors.add("notificationIds", UserErrorCode.OUT_OF_RANGE, `At most ${MAX_MARKED} notifications at once; use all: true for every one.`);
    const ids = names.map((name) => idOf(name, "Notification"));
    ids.forEach((id, i) => id === null && errors.add(["notificationIds", String(i)], UserErrorCode.NOT_FOUND, "No notification with this id."));
    if (errors.any) return refused(errors);
    return transact(ctx, async ({ db, now }) => {
      // Another company's notification is left alone, as if it did not exist.
      const marked = await markRead(db, v.companyId!, input.all ? "all" : (ids as number[]), now);
      return ok({ marked, unread: await unreadCountOf(db, v.companyId!) });
    });
  }

  /** Sends the reminders due now (one process at a time; main.ts runs it every minute). */
  async sendReminders(ctx: RequestContext): Promise<void> {
    await inTransaction(ctx, async ({ db, tx, now }) => {
      if (!(await tx.tryLock("reminder-sweep"))) return;
      await insertDueReminders(db, now, localDate(now));
    });
  }
}
