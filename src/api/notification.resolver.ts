import { GraphQLSafeInt } from "graphql-scalars";
import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { NotificationKindValue } from "../db/schema";
import { type Connection, PageArgs, pageRequest, toConnection } from "../graphql/connection";
import { payloadOf } from "../graphql/errors";
import { MarkNotificationsReadInput } from "../notifications/notification.inputs";
import { ViewerInfo } from "./api-token.type";
import { Bid } from "./bid.type";
import type { Context } from "./context";
import { Contract } from "./contract.type";
import { Delivery } from "./delivery.type";
import { referenced } from "./node.resolver";
import { MarkNotificationsReadPayload, Notification, NotificationConnection, toNotification } from "./notification.type";
import { Order } from "./order.type";
import { Question } from "./question.type";

/** What each kind of notification says, given who acted and the order's title. */
const SAYS: Record<NotificationKindValue, (actor: string, order: string) => string> = {
  ORDER_POSTED: (a, o) => `${a} posted an order in a capability you offer: ${o}.`,
  ORDER_CANCELLED: (a, o) => `${a} cancelled the order ${o}.`,
  ORDER_AWARDED: (a, o) => `${a} awarded the order ${o}.`,
  ORDER_IN_PRODUCTION: (_a, o) => `The order ${o} is in production.`,
  ORDER_COMPLETED: (_a, o) => `The order ${o} is completed.`,
  ORDER_EXPIRED: (_a, o) => `Your order ${o} expired: it was not awarded by its award deadline.`,
  BID_PLACED: (a, o) => `${a} bid on your order ${o}.`,
  BID_REVISED: (a, o) => `${a} revised its bid on your order ${o}.`,
  BID_WITHDRAWN: (a, o) => `${a} withdrew its bid on your order ${o}.`,
  BID_EXPIRED: (_a, o) => `A bid on ${o} expired: its validity ended while it was live.`,
  BID_AWARDED: (a, o) => `${a} awarded your bid on ${o}: you have a contract.`,
  BID_NOT_AWARDED: (_a, o) => `Your bid on ${o} was not awarded.`,
  CONTRACT_AWARDED: (_a, o) => `A contract was made for ${o}.`,
  CONTRACT_STARTED: (a, o) => `${a} started production of your order ${o}.`,
  CONTRACT_CANCELLED: (a, o) => `${a} cancelled a contract of ${o}.`,
  CONTRACT_COMPLETED: (_a, o) => `A contract of ${o} is completed.`,
  DELIVERY_RECORDED: (a, o) => `${a} delivered units of your order ${o}: accept or reject them.`,
  DELIVERY_ACCEPTED: (a, o) => `${a} accepted your delivery for ${o}.`,
  DELIVERY_REJECTED: (a, o) => `${a} rejected your delivery for ${o}: the units are due again.`,
  BOOKINGS_MOVED: (a, o) => `${a} moved booked work of your contract for ${o} between engineers.`,
  CONTRACT_RESCHEDULED: (_a, o) => `A contract for ${o}, a stage of a production chain, moved later: an earlier stage is late.`,
  QUESTION_ASKED: (a, o) => `${a} asked a question on your order ${o}.`,
  QUESTION_ANSWERED: (a, o) => `${a} answered your question on ${o}.`,
  QUESTION_PUBLISHED: (a, o) => `${a} published a question and its answer on ${o}, which you bid on.`,
  BIDDING_CLOSES_SOON: (_a, o) => `Bidding on your order ${o} closes within 24 hours and no bid is live.`,
  DELIVERY_OVERDUE: (_a, o) => `The promised date of a contract for ${o} has passed with units undelivered.`,
  BID_EXPIRES_SOON: (_a, o) => `Your bid on ${o} expires within 24 hours.`,
};


@Resolver(() => ViewerInfo)
export class ViewerNotificationsResolver {
  @FieldResolver(() => NotificationConnection, {
    nullable: true,
    description: "Your company's notifications, newest first: what concerns it, done by others, and the platform's reminders. Company members only.",
  })
  async notifications(
    @Args(() => PageArgs) args: PageArgs,
    @Arg("unreadOnly", () => Boolean, { defaultValue: false, description: "Only those not marked read yet." }) unreadOnly: boolean,
    @Arg("since", () => Date, { nullable: true, description: "Only those at or after this instant (what came since a client last looked)." }) since: Date | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Notification>> {
    const page = pageRequest(args);
    const { rows, count } = await ctx.services.notifications.list(ctx, page, { unreadOnly, since: since ?? undefined });
    return toConnection(rows, page, toNotification, count);
  }

  @FieldResolver(() => GraphQLSafeInt, { nullable: true, description: "How many of your company's notifications are unread. Company members only." })
  unreadNotificationCount(@Ctx() ctx: Context): Promise<number> {
    return ctx.services.notifications.unreadCount(ctx);
  }
}

@Resolver(() => Notification)
export class NotificationResolver {
  @FieldResolver(() => String, { description: "What happened, in a sentence." })
  async message(@Root() notification: Notification, @Ctx() ctx: Context): Promise<string> {
    const order = notification.row.orderId === null ? undefined : await ctx.loaders.orderById.load(notification.row.orderId);
    return SAYS[notification.kind](notification.actorName, order ? `“${order.title}”` : "an order");
  }

  @FieldResolver(() => Order, { nullable: true, description: "The order it concerns, as you may see it now." })
  order(@Root() notification: Notification, @Ctx() ctx: Context): Promise<Order | null> {
    return referenced(ctx, "Order", notification.row.orderId);
  }

  @FieldResolver(() => Bid, { nullable: true, description: "The bid it concerns, if any, as you may see it now." })
  bid(@Root() notification: Notification, @Ctx() ctx: Context): Promise<Bid | null> {
    return referenced(ctx, "Bid", notification.row.bidId);
  }

  @FieldResolver(() => Contract, { nullable: true, description: "The contract it concerns, if any, as you may see it now." })
  contract(@Root() notification: Notification, @Ctx() ctx: Context): Promise<Contract | null> {
    return referenced(ctx, "Contract", notification.row.contractId);
  }

  @FieldResolver(() => Delivery, { nullable: true, description: "The delivery it concerns, if any, as you may see it now." })
  delivery(@Root() notification: Notification, @Ctx() ctx: Context): Promise<Delivery | null> {
    return referenced(ctx, "Delivery", notification.row.deliveryId);
  }

  @FieldResolver(() => Question, { nullable: true, description: "The question it concerns, if any, as you may see it now." })
  question(@Root() notification: Notification, @Ctx() ctx: Context): Promise<Question | null> {
    return referenced(ctx, "Question", notification.row.questionId);
  }

  @Mutation(() => MarkNotificationsReadPayload, { description: "Marks your company's notifications read: those named, or all. Company members only." })
  markNotificationsRead(
    @Arg("input", () => MarkNotificationsReadInput, { description: "The mutation's input; its type describes each field." }) input: MarkNotificationsReadInput,
    @Ctx() ctx: Context,
  ): Promise<MarkNotificationsReadPayload> {
    return payloadOf(ctx.services.notifications.markRead(ctx, input), ({ marked, unread }) => ({ marked, unreadCount: unread }), { marked: null, unreadCount: null });
  }
}
