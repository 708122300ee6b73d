import { eq, sql } from "drizzle-orm";
import { runSql, type Executor } from "../db/executor";
import { prepared } from "../db/prepared";
import { bids, capabilityOffers, notifications, orders, type EventTypeValue, type NewNotification } from "../db/schema";
import type { Actor, DomainEvent } from "./event.repository";

/** The sides of an event a notification may go to: the order's owner, the contractor concerned, every company offering the order's capability, or every bidder. */
type Side = "customer" | "contractor" | "offering" | "bidders";

/**
 * Which events go to whose inbox, besides live subscribers (who hear of everything they may
 * see): what a company would want to be told of while away, done by someone else. An order's
 * owner hears of bids on it, of production starting and deliveries; a contractor of the
 * outcome of its bids and of its deliveries' acceptance; the companies offering a capability of
 * a new order for it. Its own actions never reach a company's inbox. The coordinator has none:
 * it hears of everything live.
 */
export const NOTIFIED: Partial<Record<EventTypeValue, readonly Side[]>> = {
  ORDER_POSTED: ["offering"],
  ORDER_EXPIRED: ["customer"],
  BID_PLACED: ["customer"],
  BID_REVISED: ["customer"],
  BID_WITHDRAWN: ["customer"],
  BID_EXPIRED: ["customer", "contractor"],
  BID_AWARDED: ["contractor"],
  BID_NOT_AWARDED: ["contractor"],
  CONTRACT_STARTED: ["customer"],
  CONTRACT_CANCELLED: ["customer", "contractor"],
  DELIVERY_RECORDED: ["customer"],
  DELIVERY_ACCEPTED: ["contractor"],
  DELIVERY_REJECTED: ["contractor"],
  BOOKINGS_MOVED: ["contractor"],
  CONTRACT_RESCHEDULED: ["customer", "contractor"],
  QUESTION_ASKED: ["customer"],
  QUESTION_ANSWERED: ["contractor"],
  QUESTION_PUBLISHED: ["bidders"],
};

const COLUMNS = ["companyId", "kind", "at", "eventId", "orderId", "bidId", "contractId", "deliveryId", "questionId", "actorName"] as const;

const insertNotification = prepared((db) =>
  db.insert(notifications).values(Object.fromEntries(COLUMNS.map((column) => [column, sql.placeholder(column)])) as unknown as NewNotification),
);

/**
 * One notification per company actively offering the order's capability, but the actor's, in
 * one statement. Hand-written: drizzle's insert-select lists every column, the identity
 * included, which PostgreSQL refuses to take as null.
 */
function notifyOffering(db: Executor, event: Notified, actor: Actor, at: Date): Promise<void> {
  return runSql(
    db,
    sql`insert into notifications (company_id, kind, at, event_id, order_id, actor_name)
      select ${capabilityOffers.companyId}, ${event.type}, ${sql.param(at, notifications.at)}, ${event.id}, ${orders.id}, ${actor.name}
      from ${orders} join ${capabilityOffers} on ${capabilityOffers.capabilityId} = ${orders.capabilityId} and ${eq(capabilityOffers.active, true)}
      where ${orders.id} = ${event.orderId} and ${capabilityOffers.companyId} <> ${actor.companyId ?? 0}`,
  );
}

/** One notification per company that bid on the order, but the actor's, in one statement. */
function notifyBidders(db: Executor, event: Notified, actor: Actor, at: Date): Promise<void> {
  return runSql(
    db,
    // DISTINCT in a subquery: PostgreSQL cannot compare the untyped parameters of an outer SELECT DISTINCT.
    sql`insert into notifications (company_id, kind, at, event_id, order_id, question_id, actor_name)
      select bidders.company_id, ${event.type}, ${sql.param(at, notifications.at)}, ${event.id}, ${event.orderId}, ${event.questionId ?? null}, ${actor.name}
      from (select distinct ${bids.companyId} from ${bids} where ${bids.orderId} = ${event.orderId} and ${bids.companyId} <> ${actor.companyId ?? 0}) as bidders`,
  );
}

type Notified = DomainEvent & { id: number };

/** Writes the notifications of one event just appended (with its id), in the same transaction. */
export async function notifyOf(db: Executor, event: DomainEvent & { id: number }, actor: Actor, at: Date): Promise<void> {
  const sides = NOTIFIED[event.type];
  if (!sides) return;
  for (const side of sides) {
    if (side === "offering" || side === "bidders") {
      if (event.orderId == null) continue;
      await (side === "offering" ? notifyOffering : notifyBidders)(db, event, actor, at);
      continue;
    }
    const companyId = side === "customer" ? event.customerCompanyId : event.contractorCompanyId;
    if (companyId == null || companyId === actor.companyId) continue;
    await insertNotification(db).execute({
      companyId,
      kind: event.type,
      at,
      eventId: event.id,
      orderId: event.orderId ?? null,
      bidId: event.bidId ?? null,
      contractId: event.contractId ?? null,
      deliveryId: event.deliveryId ?? null,
      questionId: event.questionId ?? null,
      actorName: actor.name,
    });
  }
}
