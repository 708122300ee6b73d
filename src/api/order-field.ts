import type { Context } from "./context";
import { toOrder, type Order } from "./order.type";

/** The order behind a foreign key, through the request's loader, as of the request's now. */
export async function loadOrder(ctx: Context, orderId: number): Promise<Order> {
  const row = await ctx.loaders.orderById.load(orderId);
  if (!row) throw new Error(`Missing order ${orderId}`);
  return toOrder(row, ctx.now);
}
