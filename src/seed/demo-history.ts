import type { RequestContext } from "../core/request-context";
import type { Viewer } from "../core/viewer";
import { Currency } from "../graphql/money";
import { toGlobalId } from "../graphql/global-id";
import { insertInvestment } from "../reports/investment.repository";
import { createServices } from "../api/services";
import { addDays, DAY_MS, localDate } from "../shared/time";
import { must } from "./demo-market";

/** A customer and a contractor that trade every other month of the demo's past two years. */
interface DemoTrade {
  customer: string;
  contractor: string;
  capability: string;
  /** Units two years ago; the volume grows 25 % a year, like the reference contract company. */
  quantity: number;
  unitPrice: string;
  /** Months (counted back from now, even) whose delivery is late, and whose first delivery is rejected. */
  lateIn: number[];
  rejectedIn: number[];
}

export const DEMO_TRADES: DemoTrade[] = [
  { customer: "Kompozit Plus", contractor: "Troitsk Contract Manufacturing", capability: "MECHANICAL_MACHINING", quantity: 400, unitPrice: "7900.00", lateIn: [8], rejectedIn: [] },
  { customer: "FlexTronica", contractor: "NanoFab Services", capability: "PCB_ASSEMBLY", quantity: 3000, unitPrice: "1180.50", lateIn: [], rejectedIn: [4, 8, 12] },
  { customer: "NeftegazMash", contractor: "Don Machining Works", capability: "MECHANICAL_MACHINING", quantity: 600, unitPrice: "7200.00", lateIn: [], rejectedIn: [] },
  { customer: "NeftegazMash", contractor: "Don Machining Works", capability: "HEAT_TREATMENT", quantity: 300, unitPrice: "2100.00", lateIn: [], rejectedIn: [] },
  { customer: "NeftegazMash", contractor: "Voronezh Foundry", capability: "CASTING", quantity: 200, unitPrice: "18500.00", lateIn: [4, 6, 10], rejectedIn: [6] },
  { customer: "Borehole Pump Systems", contractor: "GalvanoTerm", capability: "GALVANIC_TREATMENT", quantity: 2000, unitPrice: "950.00", lateIn: [6], rejectedIn: [] },
  { customer: "Borehole Pump Systems", contractor: "Liski Unit Plant", capability: "UNIT_PRODUCTION", quantity: 60, unitPrice: "64000.00", lateIn: [2, 14], rejectedIn: [10] },
  { customer: "TulaTochMash", contractor: "Tula Precision Machining", capability: "MECHANICAL_MACHINING", quantity: 250, unitPrice: "9800.00", lateIn: [10], rejectedIn: [] },
  { customer: "TulaTochMash", contractor: "Aleksin Foundry", capability: "CASTING", quantity: 40, unitPrice: "21500.00", lateIn: [], rejectedIn: [4] },
  { customer: "NeftegazMash", contractor: "Final Assembly and Test Centre", capability: "ASSEMBLY_AND_TESTING", quantity: 80, unitPrice: "21500.00", lateIn: [], rejectedIn: [2] },
];

/** Months of trade history before now, and how often each pair trades (every other month keeps seeding quick). */
export const HISTORY_MONTHS = 24;
const TRADE_EVERY_MONTHS = 2;

/** Investments recorded by the coordinator: about 80 % into contract companies, 20 % into product companies. */
export const DEMO_INVESTMENTS: { company: string; investor: string; amount: string; daysAgo: number }[] = [
  { company: "Troitsk Contract Manufacturing", investor: "Rusnano Fund", amount: "400000000.00", daysAgo: 300 },
  { company: "NanoFab Services", investor: "Moscow Innovation Fund", amount: "240000000.00", daysAgo: 120 },
  { company: "LaserMed Systems", investor: "Skolkovo Ventures", amount: "90000000.00", daysAgo: 200 },
  { company: "Kompozit Plus", investor: "Technopark Angels", amount: "70000000.00", daysAgo: 60 },
  { company: "Voronezh Foundry", investor: "Regional Development Fund", amount: "1200000000.00", daysAgo: 330 },
  { company: "Don Machining Works", investor: "Gazprombank Industrial", amount: "900000000.00", daysAgo: 210 },
  { company: "GalvanoTerm", investor: "Regional Development Fund", amount: "300000000.00", daysAgo: 90 },
  { company: "NeftegazMash", investor: "Gazprombank Industrial", amount: "400000000.00", daysAgo: 150 },
  { company: "Borehole Pump Systems", investor: "Voronezh Venture Fund", amount: "200000000.00", daysAgo: 45 },
  { company: "Aleksin Foundry", investor: "Tula Regional Fund", amount: "350000000.00", daysAgo: 100 },
];

/**
 * Two years of trade before `now`, through the real use cases on a moving clock: every
 * other month each pair posts, bids, awards, produces, delivers (late or rejected once in a while) and accepts,
 * so that revenue, scorecards and cluster analytics have history to show. Oldest first, so that
 * each award books capacity as it would have then.
 */
export async function seedDemoHistory(ctx: RequestContext, memberOf: (company: string) => Promise<Viewer>, companyIds: Map<string, number>, capabilityIds: Map<string, number>): Promise<void> {
  const { db, now } = ctx;
  let clock = now;
  const services = createServices();
  /** The company's member acting at the moving clock's time. */
  const as = async (company: string): Promise<RequestContext> => ({ ...ctx, viewer: await memberOf(company), now: clock });
  const at = (start: Date, days: number) => (clock = new Date(start.getTime() + days * DAY_MS));
  for (let month = HISTORY_MONTHS; month >= 1; month -= TRADE_EVERY_MONTHS) {
    const start = new Date(now.getTime() - (month * 30 + 25) * DAY_MS);
    for (const trade of DEMO_TRADES) {
      at(start, 0);
      const quantity = Math.round(trade.quantity * 1.25 ** ((HISTORY_MONTHS - month) / 12));
      const order = must(
        await services.orders.post(await as(trade.customer), {
          title: `${trade.capability.replace(/_/g, " ").toLowerCase()}: monthly batch ${HISTORY_MONTHS + 1 - month}`,
          capabilityId: toGlobalId("Capability", capabilityIds.get(trade.capability)!),
          quantity,
          neededBy: addDays(localDate(clock), 60),
          biddingClosesAt: new Date(clock.getTime() + 7 * DAY_MS),
          sourcingPolicy: { maxSharePercent: 100, minContractors: 1 },
        }),
        "order",
      );
      const bid = must(
        await services.bids.submit(await as(trade.contractor), {
          orderId: toGlobalId("Order", order.id),
          unitPrice: { amount: trade.unitPrice, currency: Currency.RUB },
          minLot: 1,
          maxQuantity: quantity,
          leadTimeDays: 35,
          validUntil: new Date(clock.getTime() + 30 * DAY_MS),
        }),
        "bid",
      );
      const [contract] = must(
        await services.awards.awardByAllocations(await as(trade.customer), { orderId: toGlobalId("Order", order.id), allocations: [{ bidId: toGlobalId("Bid", bid.id), quantity }] }),
        "award",
      ).contracts;
      const contractId = toGlobalId("Contract", contract.id);
      at(start, 1);
      must(
        await services.contracts.startProduction(await as(trade.contractor), { contractId }), "start");
      const deliverOn = trade.lateIn.includes(month) ? 40 : 28;
      if (trade.rejectedIn.includes(month)) {
        at(start, deliverOn - 4);
        const first = must(
        await services.deliveries.record(await as(trade.contractor), { contractId, quantity }), "delivery");
        at(start, deliverOn - 3);
        must(
        await services.deliveries.reject(await as(trade.customer), { deliveryId: toGlobalId("Delivery", first.delivery.id), reason: "Out of tolerance on incoming inspection." }), "rejection");
      }
      at(start, deliverOn);
      const half = Math.floor(quantity / 2);
      for (const part of [half, quantity - half]) {
        const delivered = must(
        await services.deliveries.record(await as(trade.contractor), { contractId, quantity: part }), "delivery");
        must(
        await services.deliveries.accept(await as(trade.customer), { deliveryId: toGlobalId("Delivery", delivered.delivery.id) }), "acceptance");
      }
    }
  }
  for (const investment of DEMO_INVESTMENTS) {
    await insertInvestment(db, {
      companyId: companyIds.get(investment.company)!,
      investorName: investment.investor,
      amountMinor: Number(investment.amount.replace(".", "")),
      currency: Currency.RUB,
      investedOn: localDate(new Date(now.getTime() - investment.daysAgo * DAY_MS)),
      note: "",
      recordedByTokenId: null,
      createdAt: now,
    });
  }
}
