import { createToken } from "../../src/auth/api-token.service";
import { addWeeks, weekStart, weeksFrom } from "../../src/capacity/weeks";
import type { Store } from "../../src/db/store";
import { only } from "../../src/db/prepared";
import { bids, bookings, capabilities, capabilityOffers, companies, contracts, engineers, engineerSkills, events, orders, parks } from "../../src/db/schema";
import { addDays, localDate } from "../../src/shared/time";
import { random, recountKeptFigures } from "./support";

export interface MarketSizes {
  productCompanies: number;
  contractCompanies: number;
  engineersPerContractor: number;
  openOrders: number;
  awardedOrders: number;
  bidsPerOpenOrder: number;
}

export interface GeneratedMarket {
  coordinator: string;
  /** One token per contract company, by company id. */
  contractorTokens: Map<number, string>;
  contractorIds: number[];
  openOrderIds: number[];
  /** Open orders each contractor has not bid on yet, as [contractor id, order id], for bid load. */
  freshBidPairs: [number, number][];
}

/**
 * A park of realistic size, inserted directly (not through the API, which would take minutes):
 * companies, engineers, offers of every capability, open orders with bids, awarded orders with
 * contracts booked over the coming weeks.
 */
export async function generateMarket(store: Store, sizes: MarketSizes, seed = 7): Promise<GeneratedMarket> {
  const rand = random(seed);
  const now = new Date();
  const today = localDate(now);
  const pick = <T>(items: T[]) => items[Math.floor(rand() * items.length)];
  // One transaction for the bulk rows; the tokens through the use case after it.
  const generated = await store.write(async ({ db: tx }) => {
    const parkId = (await only(tx.insert(parks).values({ name: "Generated Park", nameKey: "generated park", kind: "TECHNOPARK", region: "Bench", createdAt: now }).returning())).id;
    const capabilityIds = (
      await tx.insert(capabilities).values(Array.from({ length: 12 }, (_, i) => ({ code: `CAPABILITY_${i}`, name: `Capability ${i}`, nameKey: `capability ${i}`, createdAt: now }))).returning({ id: capabilities.id })
    ).map((row) => row.id);
    const productIds: number[] = [];
    for (let i = 0; i < sizes.productCompanies; i++) {
      productIds.push((await only(tx.insert(companies).values({ parkId, name: `Startup ${i}`, nameKey: `startup ${i}`, kind: "PRODUCT", employeeCount: 10 + i, createdAt: now }).returning())).id);
    }
    const contractorIds: number[] = [];
    const engineersOf = new Map<number, number[]>();
    for (let i = 0; i < sizes.contractCompanies; i++) {
      const id = (await only(tx.insert(companies).values({ parkId, name: `Contractor ${i}`, nameKey: `contractor ${i}`, kind: "CONTRACT", employeeCount: 200, createdAt: now }).returning())).id;
      contractorIds.push(id);
      for (const capabilityId of capabilityIds) {
        await tx.insert(capabilityOffers)
          .values({ companyId: id, capabilityId, unitPriceMinor: 50_000 + Math.floor(rand() * 100_000), currency: "RUB", centihoursPerUnit: 10, minLeadDays: 5, minLot: 1, maxLot: 1_000_000, createdAt: now, updatedAt: now });
      }
      const staff: number[] = [];
      for (let e = 0; e < sizes.engineersPerContractor; e++) {
        staff.push((await only(tx.insert(engineers).values({ companyId: id, name: `Engineer ${i}.${e}`, role: e % 5 === 0 ? "SYSTEM_ENGINEER" : "ENGINEER", weeklyHours: 40, createdAt: now }).returning())).id);
      }
      // Every engineer holds every capability the company offers (the migration's default).
      await tx.insert(engineerSkills).values(staff.flatMap((engineerId) => capabilityIds.map((capabilityId) => ({ engineerId, capabilityId }))));
      engineersOf.set(id, staff);
    }
    const closes = new Date(now.getTime() + 30 * 86_400_000);
    const orderValues = (status: "OPEN" | "AWARDED", i: number) => ({
      companyId: pick(productIds),
      capabilityId: pick(capabilityIds),
      title: `${status === "OPEN" ? "Open" : "Awarded"} order ${i}`,
      description: "Generated for the benchmark.",
      quantity: 100 + Math.floor(rand() * 900),
      neededBy: addDays(today, 60 + Math.floor(rand() * 120)),
      maxUnitPriceMinor: 200_000,
      currency: "RUB" as const,
      biddingClosesAt: closes,
      maxSharePercent: 100,
      minContractors: 1,
      status,
      createdAt: now,
      updatedAt: now,
    });
    const bidValues = (orderId: number, companyId: number, status: "LIVE" | "AWARDED") => ({
      orderId, companyId, status, unitPriceMinor: 60_000 + Math.floor(rand() * 100_000), currency: "RUB" as const, minLot: 1, maxQuantity: 100,
      centihoursPerUnit: 10, leadTimeDays: 45, validUntil: closes, revision: 1, createdAt: now, updatedAt: now,
    });
    const openOrderIds: number[] = [];
    const bidOn = new Set<string>();
    for (let i = 0; i < sizes.openOrders; i++) {
      const orderId = (await only(tx.insert(orders).values(orderValues("OPEN", i)).returning())).id;
      openOrderIds.push(orderId);
      await tx.insert(events).values({ type: "ORDER_POSTED", orderId, toStatus: "OPEN", actorName: "generator", at: now });
      for (let b = 0; b < sizes.bidsPerOpenOrder; b++) {
        const companyId = pick(contractorIds);
        if (bidOn.has(`${companyId}:${orderId}`)) continue;
        bidOn.add(`${companyId}:${orderId}`);
        await tx.insert(bids).values(bidValues(orderId, companyId, "LIVE"));
      }
    }
    const weeks = weeksFrom(weekStart(today), addWeeks(weekStart(today), 25));
    for (let i = 0; i < sizes.awardedOrders; i++) {
      const values = orderValues("AWARDED", i);
      const orderId = (await only(tx.insert(orders).values(values).returning())).id;
      const companyId = pick(contractorIds);
      const bid = await only(tx.insert(bids).values(bidValues(orderId, companyId, "AWARDED")).returning());
      const contract = await only(tx
        .insert(contracts)
        .values({
          orderId, bidId: bid.id, companyId, customerCompanyId: values.companyId, quantity: values.quantity, unitPriceMinor: bid.unitPriceMinor, currency: "RUB",
          valueMinor: values.quantity * bid.unitPriceMinor, centihoursPerUnit: 10, startDate: today, promisedDate: weeks[25], status: "AWARDED", createdAt: now, updatedAt: now,
        })
        .returning());
      // Its work (quantity x 0.1 h) spread over a few early weeks, on one engineer.
      const total = values.quantity * 10;
      const spread = 1 + Math.floor(rand() * 4);
      const engineerId = pick(engineersOf.get(companyId)!);
      for (let w = 0; w < spread; w++) {
        const share = w === spread - 1 ? total - Math.floor(total / spread) * (spread - 1) : Math.floor(total / spread);
        if (share > 0) await tx.insert(bookings).values({ contractId: contract.id, engineerId, week: weeks[w], centihours: share }).onConflictDoNothing();
      }
    }
    const freshBidPairs: [number, number][] = [];
    for (const orderId of openOrderIds) for (const companyId of contractorIds) if (!bidOn.has(`${companyId}:${orderId}`)) freshBidPairs.push([companyId, orderId]);
    for (let i = freshBidPairs.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [freshBidPairs[i], freshBidPairs[j]] = [freshBidPairs[j], freshBidPairs[i]];
    }
    await recountKeptFigures(tx);
    return { contractorIds, openOrderIds, freshBidPairs };
  });
  const contractorTokens = new Map<number, string>();
  for (const id of generated.contractorIds) contractorTokens.set(id, (await store.write(({ db }) => createToken(db, { role: "MEMBER", companyId: id, holderName: `bench ${id}` }, now))).token);
  const coordinator = (await store.write(({ db }) => createToken(db, { role: "COORDINATOR", companyId: null, holderName: "bench" }, now))).token;
  return { ...generated, coordinator, contractorTokens };
}
