import type { RequestContext } from "../core/request-context";
import type { Viewer } from "../core/viewer";
import type { Outcome } from "../graphql/errors";
import { toGlobalId } from "../graphql/global-id";
import { Currency } from "../graphql/money";
import { createServices } from "../api/services";
import { chainPlanKeyOf } from "../chains/chain-award.service";
import { addDays, DAY_MS, localDate } from "../shared/time";

/** A live marketplace for the demo: open orders with bids, and one order awarded to two contractors. */
export interface DemoOrder {
  customer: string;
  title: string;
  description: string;
  capability: string;
  quantity: number;
  neededInDays: number;
  maxUnitPrice: string | null;
  closesInDays: number;
  maxSharePercent: number;
  minContractors: number;
  /** What a day earlier is worth to the customer, roubles (BALANCED plan); default 0. */
  valuePerDayEarlier?: string;
  bids: { contractor: string; unitPrice: string; minLot: number; maxQuantity: number; leadTimeDays: number }[];
  /** contractor name -> units, when the demo awards the order. */
  award?: Record<string, number>;
}

export const DEMO_ORDERS: DemoOrder[] = [
  {
    customer: "LaserMed Systems",
    title: "Machined optical bench frames",
    description: "Aluminium frames for the second generation of a surgical laser; tolerance 0.02 mm.",
    capability: "MECHANICAL_MACHINING",
    quantity: 400,
    neededInDays: 75,
    maxUnitPrice: "9000.00",
    closesInDays: 10,
    // One producer is acceptable if that is faster: its plans trade 18 days for 196 000 roubles
    // (Troitsk is booked solid for four weeks, so it promises 42 days).
    maxSharePercent: 100,
    minContractors: 1,
    valuePerDayEarlier: "20000.00",
    bids: [
      { contractor: "Troitsk Contract Manufacturing", unitPrice: "7900.00", minLot: 50, maxQuantity: 400, leadTimeDays: 42 },
      { contractor: "Don Machining Works", unitPrice: "7200.00", minLot: 100, maxQuantity: 280, leadTimeDays: 60 },
    ],
  },
  {
    customer: "FlexTronica",
    title: "Assembly and testing of wearable sensor kits",
    description: "Final assembly, burn-in and functional test of 1,200 kits.",
    capability: "ASSEMBLY_AND_TESTING",
    quantity: 1200,
    neededInDays: 100,
    maxUnitPrice: null,
    closesInDays: 20,
    maxSharePercent: 50,
    minContractors: 2,
    bids: [{ contractor: "Final Assembly and Test Centre", unitPrice: "21500.00", minLot: 100, maxQuantity: 600, leadTimeDays: 40 }],
  },
  {
    customer: "NeftegazMash",
    title: "Heat treatment of pump shafts",
    description: "Quenching and tempering of 5,000 shafts for electric submersible pumps.",
    capability: "HEAT_TREATMENT",
    quantity: 5000,
    neededInDays: 90,
    maxUnitPrice: "2500.00",
    closesInDays: 7,
    maxSharePercent: 60,
    minContractors: 2,
    bids: [
      { contractor: "Don Machining Works", unitPrice: "2100.00", minLot: 500, maxQuantity: 3000, leadTimeDays: 60 },
      { contractor: "GalvanoTerm", unitPrice: "1850.00", minLot: 500, maxQuantity: 3000, leadTimeDays: 63 },
    ],
    award: { GalvanoTerm: 3000, "Don Machining Works": 2000 },
  },
  {
    customer: "Kompozit Plus",
    title: "Composite pressure vessel shells",
    description: "Filament-wound shells for hydrogen storage, first series.",
    capability: "COMPOSITES",
    quantity: 300,
    neededInDays: 100,
    maxUnitPrice: "52000.00",
    closesInDays: 5,
    maxSharePercent: 100,
    minContractors: 1,
    bids: [{ contractor: "Troitsk Contract Manufacturing", unitPrice: "48500.00", minLot: 10, maxQuantity: 300, leadTimeDays: 70 }],
    award: { "Troitsk Contract Manufacturing": 300 },
  },
  {
    customer: "BioSintez Lab",
    title: "Scale-up of an enzyme fermentation",
    description: "Forty 300-litre fermentation runs with downstream processing.",
    capability: "INDUSTRIAL_MICROBIOLOGY",
    quantity: 40,
    neededInDays: 60,
    maxUnitPrice: null,
    closesInDays: 5,
    maxSharePercent: 100,
    minContractors: 1,
    bids: [{ contractor: "NanoFab Services", unitPrice: "96000.00", minLot: 1, maxQuantity: 40, leadTimeDays: 42 }],
    award: { "NanoFab Services": 40 },
  },
  {
    // An outside customer localising its supply, and a research institute bidding like a contractor.
    customer: "Volga Pipeline Company",
    title: "Ultrasonic testing of valve body welds",
    description: "Ultrasonic and magnetic particle inspection of 300 welded valve bodies for the pipeline localisation programme.",
    capability: "NON_DESTRUCTIVE_TESTING",
    quantity: 300,
    neededInDays: 45,
    maxUnitPrice: "4000.00",
    closesInDays: 7,
    maxSharePercent: 100,
    minContractors: 1,
    bids: [{ contractor: "Voronezh Welding and Testing Institute", unitPrice: "3400.00", minLot: 50, maxQuantity: 300, leadTimeDays: 30 }],
  },
];

/**
 * The Voronezh cluster's chain: NeftegazMash's gate valves, cast, heat-treated, machined and
 * assembled and tested by four members, with galvanised stems (two a valve) feeding the assembly
 * in parallel. The foundry has bid on the castings; the other stages are planned on quotes.
 */
/** A demo production chain: its stages, the bids on them, and the parts it buys in from outside. */
export interface DemoChain {
  customer: string;
  title: string;
  description: string;
  quantity: number;
  neededInDays: number;
  closesInDays: number;
  valuePerDayEarlier: string;
  stages: { key: string; title: string; capability: string; feeds: string | null; partsPerUnit: number; yieldPercent: number; moveDays: number }[];
  bids: { stage: string; contractor: string; unitPrice: string; minLot: number; maxQuantity: number; leadTimeDays: number }[];
  outsideStages: { title: string; feeds: string; value: string; leadDays: number; moveDays: number }[];
}

export const DEMO_CHAIN: DemoChain = {
  customer: "NeftegazMash",
  title: "Gate valves DN150 for wellheads",
  description: "Cast steel gate valves, PN 21 MPa, for the Kantemirovka field.",
  quantity: 60,
  neededInDays: 150,
  closesInDays: 10,
  valuePerDayEarlier: "150000.00",
  stages: [
    { key: "assembly", title: "Assembly and pressure testing of gate valves", capability: "ASSEMBLY_AND_TESTING", feeds: null, partsPerUnit: 1, yieldPercent: 100, moveDays: 0 },
    { key: "machining", title: "Machining of valve bodies", capability: "MECHANICAL_MACHINING", feeds: "assembly", partsPerUnit: 1, yieldPercent: 95, moveDays: 2 },
    { key: "heat", title: "Heat treatment of valve body castings", capability: "HEAT_TREATMENT", feeds: "machining", partsPerUnit: 1, yieldPercent: 100, moveDays: 1 },
    { key: "casting", title: "Casting of valve bodies", capability: "CASTING", feeds: "heat", partsPerUnit: 1, yieldPercent: 90, moveDays: 3 },
    { key: "stems", title: "Galvanic coating of valve stems", capability: "GALVANIC_TREATMENT", feeds: "assembly", partsPerUnit: 2, yieldPercent: 100, moveDays: 2 },
  ],
  bids: [{ stage: "casting", contractor: "Voronezh Foundry", unitPrice: "18000.00", minLot: 10, maxQuantity: 72, leadTimeDays: 25 }],
  /** The stems' forged blanks come from a forge outside the cluster. */
  outsideStages: [{ title: "Forged stem blanks, Ural Forge (outside the cluster)", feeds: "stems", value: "432000.00", leadDays: 21, moveDays: 4 }],
};

/**
 * A chain already awarded, so that its timeline shows: Borehole Pump Systems' pump housings,
 * cast by the foundry and machined by Don Machining Works, each stage booked from the day its
 * inputs arrive.
 */
export const DEMO_AWARDED_CHAIN: DemoChain = {
  customer: "Borehole Pump Systems",
  title: "Pump housings for submersible pumps",
  description: "Cast and machined housings for 5-inch electric submersible pumps.",
  quantity: 40,
  neededInDays: 120,
  closesInDays: 10,
  valuePerDayEarlier: "20000.00",
  stages: [
    { key: "machining", title: "Machining of pump housings", capability: "MECHANICAL_MACHINING", feeds: null, partsPerUnit: 1, yieldPercent: 100, moveDays: 0 },
    { key: "casting", title: "Casting of pump housings", capability: "CASTING", feeds: "machining", partsPerUnit: 1, yieldPercent: 95, moveDays: 3 },
  ],
  bids: [{ stage: "casting", contractor: "Voronezh Foundry", unitPrice: "9800.00", minLot: 10, maxQuantity: 43, leadTimeDays: 21 }],
  /** Bearing sleeves bought from a foundry outside the cluster: made elsewhere, they count against its cooperation. */
  outsideStages: [{ title: "Cast iron bearing sleeves, Tula Foundry (outside the cluster)", feeds: "machining", value: "1240000.00", leadDays: 14, moveDays: 3 }],
};

/** The value of a demo use case that must succeed; a refusal is a bug in the demo data. */
export function must<T>(outcome: Outcome<T>, what: string): T {
  if (!outcome.ok) throw new Error(`Demo ${what} refused: ${outcome.userErrors.map((e) => e.message).join(" ")}`);
  return outcome.value;
}

/**
 * Posts the demo orders, bids and award through the real use cases (so history, revisions and
 * contracts are what the API would have made), inside the caller's transaction.
 */
export async function seedDemoMarket(ctx: RequestContext, memberOf: (company: string) => Promise<Viewer>, capabilityIds: Map<string, number>): Promise<void> {
  const now = ctx.now;
  const services = createServices();
  const as = async (company: string): Promise<RequestContext> => ({ ...ctx, viewer: await memberOf(company) });
  const today = localDate(now);
  type DemoBid = { contractor: string; unitPrice: string; minLot: number; maxQuantity: number; leadTimeDays: number };
  const bidOn = async (orderId: number, bid: DemoBid) =>
    must(
      await services.bids.submit(await as(bid.contractor), {
        orderId: toGlobalId("Order", orderId),
        unitPrice: { amount: bid.unitPrice, currency: Currency.RUB },
        minLot: bid.minLot,
        maxQuantity: bid.maxQuantity,
        leadTimeDays: bid.leadTimeDays,
        validUntil: new Date(now.getTime() + 45 * DAY_MS),
      }),
      "bid",
    );
  for (const demo of DEMO_ORDERS) {
    const order = must(
      await services.orders.post(await as(demo.customer), {
        title: demo.title,
        description: demo.description,
        capabilityId: toGlobalId("Capability", capabilityIds.get(demo.capability)!),
        quantity: demo.quantity,
        neededBy: addDays(today, demo.neededInDays),
        maxUnitPrice: demo.maxUnitPrice === null ? null : { amount: demo.maxUnitPrice, currency: Currency.RUB },
        biddingClosesAt: new Date(now.getTime() + demo.closesInDays * DAY_MS),
        sourcingPolicy: {
          maxSharePercent: demo.maxSharePercent,
          minContractors: demo.minContractors,
          valuePerDayEarlier: demo.valuePerDayEarlier === undefined ? null : { amount: demo.valuePerDayEarlier, currency: Currency.RUB },
        },
      }),
      "order",
    );
    const bidIds = new Map<string, number>();
    for (const bid of demo.bids) {
      bidIds.set(bid.contractor, (await bidOn(order.id, bid)).id);
    }
    if (demo.award) {
      must(
        await services.awards.awardByAllocations(await as(demo.customer), {
          orderId: toGlobalId("Order", order.id),
          allocations: Object.entries(demo.award).map(([contractor, quantity]) => ({ bidId: toGlobalId("Bid", bidIds.get(contractor)!), quantity })),
        }),
        "award",
      );
    }
  }
  const postChain = async (demo: DemoChain) => {
    const chain = must(
      await services.chains.post(await as(demo.customer), {
        title: demo.title,
        description: demo.description,
        quantity: demo.quantity,
        neededBy: addDays(today, demo.neededInDays),
        biddingClosesAt: new Date(now.getTime() + demo.closesInDays * DAY_MS),
        valuePerDayEarlier: { amount: demo.valuePerDayEarlier, currency: Currency.RUB },
        stages: demo.stages.map((stage) => ({ ...stage, capabilityId: toGlobalId("Capability", capabilityIds.get(stage.capability)!), sourcingPolicy: { maxSharePercent: 100, minContractors: 1 } })),
        outsideStages: demo.outsideStages.map((o) => ({ ...o, value: { amount: o.value, currency: Currency.RUB } })),
      }),
      "chain",
    );
    const stages = await services.chains.stages(ctx, chain);
    for (const bid of demo.bids) {
      const title = demo.stages.find((stage) => stage.key === bid.stage)!.title;
      await bidOn(stages.find((s) => s.order.title === title)!.order.id, bid);
    }
    return chain;
  };
  await postChain(DEMO_CHAIN);
  // The second chain is awarded by its cheapest plan, as its customer would from chain.plans.
  const awarded = await postChain(DEMO_AWARDED_CHAIN);
  const customer = await as(DEMO_AWARDED_CHAIN.customer);
  const cheapest = (await services.chains.plans(customer, awarded, null)).result.plans.find((plan) => plan.picks.includes("CHEAPEST"));
  if (!cheapest) throw new Error("Demo chain has no plan to award");
  must(await services.chainAwards.award(customer, { chainId: toGlobalId("Chain", awarded.id), planKey: chainPlanKeyOf(awarded.id, cheapest) }), "chain award");
}
