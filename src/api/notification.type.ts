import { GraphQLSafeInt } from "graphql-scalars";
import { Field, ObjectType, registerEnumType } from "type-graphql";
import { NOTIFICATION_KINDS, type NotificationKindValue, type NotificationRow } from "../db/schema";
import { ConnectionType } from "../graphql/connection";
import { toGlobalId } from "../graphql/global-id";
import { Node } from "../graphql/node";
import { UserError } from "../graphql/errors";
import { MarketEventType } from "./event.type";

export const NotificationKind = Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, kind])) as { [K in NotificationKindValue]: K };

const EVENT_KIND_DESCRIPTIONS = Object.fromEntries(Object.keys(MarketEventType).map((type) => [type, { description: `The event ${type} (see MarketEventType).` }]));

registerEnumType(NotificationKind, {
  name: "NotificationKind",
  description: "What a notification tells of: an event of the log (as MarketEventType names them), or one of the platform's reminders.",
  valuesConfig: {
    ...EVENT_KIND_DESCRIPTIONS,
    BIDDING_CLOSES_SOON: { description: "Reminder to an order's owner: bidding closes within 24 hours and no bid is live." },
    DELIVERY_OVERDUE: { description: "Reminder to a contract's contractor and customer: its promised date passed with units undelivered." },
    BID_EXPIRES_SOON: { description: "Reminder to a bidder: its live bid's validity ends within 24 hours." },
  },
});

@ObjectType({ implements: Node, description: "Something your company was told of: an event that concerns it, done by someone else, or a reminder. Your company's members only." })
export class Notification extends Node {
  row!: NotificationRow;

  @Field(() => NotificationKind, { description: "What it tells of." })
  kind!: NotificationKindValue;

  @Field(() => Date, { description: "When." })
  at!: Date;

  @Field(() => Boolean, { description: "Whether a member of your company marked it read." })
  read!: boolean;

  @Field(() => String, { description: 'Who acted: a token holder\'s name, or "platform" (reminders, expiry).' })
  actorName!: string;
}

export function toNotification(row: NotificationRow): Notification {
  return Object.assign(new Notification(), { id: toGlobalId("Notification", row.id), row, kind: row.kind, at: row.at, read: row.readAt !== null, actorName: row.actorName });
}

export const NotificationConnection = ConnectionType("Notification", Notification, "A page of your company's notifications, newest first.");

@ObjectType({ description: "Result of markNotificationsRead." })
export class MarkNotificationsReadPayload {
  @Field(() => GraphQLSafeInt, { nullable: true, description: "How many notifications this marked read; null when refused." })
  marked!: number | null;

  @Field(() => GraphQLSafeInt, { nullable: true, description: "How many of your company's notifications are still unread; null when refused." })
  unreadCount!: number | null;

  @Field(() => [UserError], { description: "Why the input was refused; empty on success." })
  userErrors!: UserError[];
}
