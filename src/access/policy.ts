import type { Role, Viewer } from "../core/viewer";
import type { CompanyKindValue } from "../db/schema/values";
import { forbidden, unauthenticated, UserErrorCode } from "../graphql/errors";

/**
 * Who may see what, and who may do what: every visibility rule and every role gate of the API,
 * in one place. Services, node/nodes and field resolvers ask `sees` and `gate`; the policy
 * table test (test/integration/access-policy.test.ts) derives its expectations from RULES and
 * proves each cell over HTTP.
 */

/**
 * How a viewer stands to an object. The OWNER is a member of the object's own company (a bid's
 * bidder, a contract's contractor, an order's customer, an engineer's company); a COUNTERPART is
 * a member of the company on the other side (a bid's or contract's customer, an order's bidder).
 */
export const RELATIONS = ["ANONYMOUS", "OWNER", "COUNTERPART", "OTHER_CONTRACT_COMPANY", "OTHER_PRODUCT_COMPANY", "OTHER_PARTICIPANT", "COORDINATOR", "INVESTOR"] as const;
export type Relation = (typeof RELATIONS)[number];

/** The companies an object belongs to: its owner, and the counterparts on the other side. */
export interface Parties {
  owner: number | null;
  counterparts?: readonly number[];
}

/**
 * What each kind of participant may do. A park's companies are of one kind each, fixed at
 * registration. In a technopark the split stands: product companies order, contract companies
 * produce, and neither does what the other does. A cluster's members are manufacturers linked in
 * one production chain, so there a contract company may also order (the chain's integrator, the
 * member that assembles and tests, orders the stages before it from the other members), though
 * never from itself. The other participants of a cluster:
 *
 * - an outside customer (a large enterprise localising its product) orders from the park's
 *   contractors like a product company, and is left out of the park's 80/20 shares;
 * - a research institute offers testing and R&D like a contractor (engineers, offers, bids),
 *   and is left out of the shares;
 * - a university and a supplier watch the market: they see open orders (the demand to train for
 *   and supply materials to) and a university the capacity heat-map; neither orders nor bids;
 * - a financial institution (a bank) sees what an investor sees: analytics, the heat-map,
 *   investments and contractors' scorecards, to lend against.
 *
 * `side` is how a member of the kind stands to others' objects (relationOf): a buyer as a product
 * company, a producer as a contract company, a bank as an investor, a watcher as neither.
 */
export const KIND_RIGHTS = {
  PRODUCT: { side: "BUYER", orders: "ALWAYS", produces: false, inSplit: true },
  CONTRACT: { side: "PRODUCER", orders: "IN_CLUSTER", produces: true, inSplit: true },
  OUTSIDE_CUSTOMER: { side: "BUYER", orders: "ALWAYS", produces: false, inSplit: false },
  RESEARCH_INSTITUTE: { side: "PRODUCER", orders: "NEVER", produces: true, inSplit: false },
  UNIVERSITY: { side: "WATCHER", orders: "NEVER", produces: false, inSplit: false },
  SUPPLIER: { side: "WATCHER", orders: "NEVER", produces: false, inSplit: false },
  FINANCIAL_INSTITUTION: { side: "FINANCE", orders: "NEVER", produces: false, inSplit: false },
} as const satisfies Record<CompanyKindValue, { side: "BUYER" | "PRODUCER" | "WATCHER" | "FINANCE"; orders: "ALWAYS" | "IN_CLUSTER" | "NEVER"; produces: boolean; inSplit: boolean }>;

const kindsWhere = (test: (rights: (typeof KIND_RIGHTS)[CompanyKindValue]) => boolean) => (Object.keys(KIND_RIGHTS) as CompanyKindValue[]).filter((kind) => test(KIND_RIGHTS[kind]));
/** Kinds that produce: engineers, offers, bids, questions, deliveries. */
export const PRODUCER_KINDS = kindsWhere((r) => r.produces);
/** Kinds that may order somewhere (contract companies only in a cluster: `mayOrder`). */
export const ORDERING_KINDS = kindsWhere((r) => r.orders !== "NEVER");
/** The two kinds of the technopark split, whose shares the park's analytics report (80/20). */
export const SPLIT_KINDS = kindsWhere((r) => r.inSplit);

/** Whether a company of this kind may order (post orders and chains) in a park of this kind. */
export function mayOrder(kind: CompanyKindValue | null, parkKind: "TECHNOPARK" | "CLUSTER"): boolean {
  const orders = kind === null ? "NEVER" : KIND_RIGHTS[kind].orders;
  return orders === "ALWAYS" || (orders === "IN_CLUSTER" && parkKind === "CLUSTER");
}

/** Whether a company of this kind produces (has engineers and offers, bids). */
export const produces = (kind: CompanyKindValue | null): boolean => kind !== null && KIND_RIGHTS[kind].produces;

const KIND_NAMES: Record<CompanyKindValue, string> = {
  PRODUCT: "product companies",
  CONTRACT: "contract companies",
  OUTSIDE_CUSTOMER: "outside customers",
  RESEARCH_INSTITUTE: "research institutes",
  UNIVERSITY: "universities",
  SUPPLIER: "suppliers",
  FINANCIAL_INSTITUTION: "financial institutions",
};

/** Why a company of this kind may not order in a park of this kind (a user error), or null when it may. */
export function orderRefusal(kind: CompanyKindValue, parkKind: "TECHNOPARK" | "CLUSTER"): { code: UserErrorCode; message: string } | null {
  if (mayOrder(kind, parkKind)) return null;
  if (kind === "CONTRACT") return { code: UserErrorCode.CONTRACT_COMPANY_CANNOT_ORDER, message: "In a technopark contract companies produce customers' products only; they post no orders (in an industrial cluster its manufacturers may)." };
  return { code: UserErrorCode.MAY_NOT_ORDER, message: `The marketplace's ${KIND_NAMES[kind]} take part without ordering.` };
}

/** Why a company of this kind may not produce (engineers, offers, bids), or null when it may. */
export function produceRefusal(kind: CompanyKindValue): { code: UserErrorCode; message: string } | null {
  if (produces(kind)) return null;
  if (kind === "PRODUCT") return { code: UserErrorCode.PRODUCT_COMPANY_CANNOT_PRODUCE, message: "Product companies may not own production: no engineers, offers or bids." };
  return { code: UserErrorCode.MAY_NOT_PRODUCE, message: `The marketplace's ${KIND_NAMES[kind]} have no production: no engineers, offers or bids.` };
}

const RELATION_OF_SIDE = { BUYER: "OTHER_PRODUCT_COMPANY", PRODUCER: "OTHER_CONTRACT_COMPANY", WATCHER: "OTHER_PARTICIPANT", FINANCE: "INVESTOR" } as const;

export function relationOf(viewer: Viewer | null, parties: Parties): Relation {
  if (!viewer) return "ANONYMOUS";
  if (viewer.role === "COORDINATOR") return "COORDINATOR";
  if (viewer.role === "INVESTOR") return "INVESTOR";
  if (viewer.companyId !== null && viewer.companyId === parties.owner) return "OWNER";
  if (viewer.companyId !== null && parties.counterparts?.includes(viewer.companyId)) return "COUNTERPART";
  return RELATION_OF_SIDE[KIND_RIGHTS[viewer.companyKind!].side];
}

const rule = (audience: readonly Relation[], says: string) => ({ audience, says });
const INSIDERS = ["OWNER", "COORDINATOR"] as const;
const PARTIES = ["OWNER", "COUNTERPART", "COORDINATOR"] as const;

/**
 * Every visibility rule: which relations see an object, or a sensitive field of it. What a rule
 * denies reads as null (objects through node, nullable fields) or as a narrower list (an order's
 * bids for a bidder: its own), never as an error that would tell the object exists.
 */
export const RULES = {
  Engineer: rule(INSIDERS, "An engineer is seen by its company's members and the coordinator."),
  "CapabilityOffer (withdrawn)": rule(INSIDERS, "A withdrawn offer is seen by its company and the coordinator; an active one by everyone."),
  "CapabilityOffer.engineerHoursPerUnit": rule(INSIDERS, "The engineer-hours an offer takes are its company's internal figure."),
  ApiToken: rule(INSIDERS, "A token is seen by its company's members and the coordinator."),
  "Order (open)": rule(
    ["OWNER", "COUNTERPART", "OTHER_CONTRACT_COMPANY", "OTHER_PARTICIPANT", "COORDINATOR"],
    "An open order is seen by its owner, every producer (to bid), the universities and suppliers that watch the market, and the coordinator.",
  ),
  "Order (closed)": rule(PARTIES, "An order no longer open is seen by its owner, the contractors that bid on it and the coordinator."),
  "Order.everyBid": rule(INSIDERS, "Sealed bids: the owner and the coordinator see every bid, contract, quote and event of an order; a bidder only its own."),
  "Order.history": rule(INSIDERS, "An order's history is its owner's and the coordinator's."),
  "Order.plans": rule(INSIDERS, "An order's plans are its owner's and the coordinator's."),
  Chain: rule(INSIDERS, "A production chain (its route and its plans) is its customer's and the coordinator's; contractors see its stages as the open orders they may bid on."),
  "SourcingPolicy.valuePerDayEarlier": rule(INSIDERS, "What a day earlier is worth is the owner's own figure."),
  Bid: rule(PARTIES, "A bid is seen by its bidder, the order's owner and the coordinator; never by a competitor."),
  "Bid.engineerHoursPerUnit": rule(INSIDERS, "A bid's engineer-hours are the bidder's internal figure, hidden from the customer."),
  Contract: rule(PARTIES, "A contract and its deliveries are seen by its contractor, its customer and the coordinator."),
  "Contract.engineerHours": rule(INSIDERS, "A contract's engineer-hours and bookings are the contractor's internal figures."),
  "Company.engineers": rule(INSIDERS, "A company's engineers are seen by its members and the coordinator."),
  "Company.internalReports": rule(INSIDERS, "A contract company's load and revenue, and the figures behind its scorecard's levels, are seen by its members and the coordinator."),
  "Company.scorecard": rule(["OWNER", "OTHER_PRODUCT_COMPANY", "COORDINATOR", "INVESTOR"], "A contractor's scorecard is seen by itself, the product companies that buy, the coordinator and investors; not by competitors."),
  "Company.customerScorecard": rule(["OWNER", "OTHER_CONTRACT_COMPANY", "COORDINATOR", "INVESTOR"], "A customer's scorecard is seen by itself, the producers that work for customers, the coordinator and investors; not by other customers."),
  Investment: rule(["COORDINATOR", "INVESTOR"], "Investments are seen by the coordinator and investors."),
  "Question (private)": rule(PARTIES, "A question is seen by the company that asked it, the order's owner and the coordinator, like a bid; never by a competitor."),
  "Question.company": rule(PARTIES, "Who asked a published question stays known to the asker, the order's owner and the coordinator only."),
} as const;
export type RuleName = keyof typeof RULES;

/**
 * The fewest companies a park-wide figure (a capability's row of the heat-map or the demand
 * forecast) may be drawn from for anyone but the coordinator: a row of one contractor would be
 * that company's load, which "Company.internalReports" keeps to its members.
 */
export const MIN_COMPANIES_IN_AGGREGATE = 2;

/** Whether the viewer may see a figure aggregated over this many companies. */
export function seesAggregate(viewer: Viewer | null, companies: number): boolean {
  return viewer?.role === "COORDINATOR" || companies >= MIN_COMPANIES_IN_AGGREGATE;
}

/** Whether the viewer, standing to an object's parties as it does, passes the rule. */
export function sees(viewer: Viewer | null, ruleName: RuleName, parties: Parties): boolean {
  return (RULES[ruleName].audience as readonly Relation[]).includes(relationOf(viewer, parties));
}

/** Whether a viewer may see an order: open orders, closed ones, and whether it bid on it. */
export function seesOrder(viewer: Viewer | null, order: { companyId: number }, open: boolean, viewerHasBid: boolean): boolean {
  const counterparts = viewerHasBid && viewer?.companyId != null ? [viewer.companyId] : [];
  return sees(viewer, open ? "Order (open)" : "Order (closed)", { owner: order.companyId, counterparts });
}

/** Sealed bids: a bid is its bidder's, its order's owner's and the coordinator's. */
export function seesBid(viewer: Viewer | null, bid: { companyId: number }, orderCompanyId: number): boolean {
  return sees(viewer, "Bid", { owner: bid.companyId, counterparts: [orderCompanyId] });
}

/** A contract (and each of its deliveries) is its contractor's, its customer's and the coordinator's. */
export function seesContract(viewer: Viewer | null, contract: { companyId: number; customerCompanyId: number }): boolean {
  return sees(viewer, "Contract", { owner: contract.companyId, counterparts: [contract.customerCompanyId] });
}

/** An event as the policy reads it: what happened, and the companies on its two sides. */
export interface EventParties {
  type: string;
  customerCompanyId: number | null;
  contractorCompanyId: number | null;
}

/**
 * Who hears of an event (live, over a subscription): whoever may see what it concerns, by the
 * rules above. An event of a bid or a contract (it names a contractor) goes to its bidder or
 * contractor, the order's owner and the coordinator, so a competitor never hears of a sealed bid.
 * An order's own change goes to those who may see the order: a new open order to the contract
 * companies that offer its capability (as `openOrders` lists it for them), a later change to its
 * owner, its bidders and the coordinator. `facts` answers the two questions only the database
 * can, and is asked only when the answer matters.
 */
export async function hearsOf(
  viewer: Viewer | null,
  event: EventParties,
  facts: { bidOnOrder(companyId: number): Promise<boolean>; offersCapability(companyId: number): Promise<boolean> },
): Promise<boolean> {
  if (!viewer) return false;
  if (viewer.role === "COORDINATOR") return true;
  if (event.customerCompanyId === null) return false;
  if (event.contractorCompanyId !== null) {
    const rule = event.type.startsWith("BID_") ? "Bid" : event.type.startsWith("QUESTION_") ? "Question (private)" : "Contract";
    return sees(viewer, rule, { owner: event.contractorCompanyId, counterparts: [event.customerCompanyId] });
  }
  const order = { companyId: event.customerCompanyId };
  if (event.type === "ORDER_POSTED") {
    if (memberOf(viewer, order.companyId)) return true;
    return seesOrder(viewer, order, true, false) && viewer.companyId !== null && (await facts.offersCapability(viewer.companyId));
  }
  if (seesOrder(viewer, order, false, false)) return true;
  return produces(viewer.companyKind) && viewer.companyId !== null && seesOrder(viewer, order, false, await facts.bidOnOrder(viewer.companyId));
}

/** A member of the company (not the coordinator): the order's owner when it awards or cancels. */
export function memberOf(viewer: Viewer | null, companyId: number): boolean {
  return viewer?.role === "MEMBER" && viewer.companyId === companyId;
}

/** May act for the company (change its engineers, offers, tokens): the coordinator, or one of its members. */
export function actsFor(viewer: Viewer | null, companyId: number): boolean {
  return viewer !== null && (viewer.role === "COORDINATOR" || (viewer.role === "MEMBER" && viewer.companyId === companyId));
}

/** A role gate: the roles (and, for members, the kinds of company) that may take an action. */
interface Gate {
  roles: readonly Role[];
  /** Members of these kinds of company only; the split is otherwise a user error of the use case. */
  kinds?: readonly CompanyKindValue[];
  /** Who may, as the FORBIDDEN message says it: "Only ... may <to>." */
  to: string;
  /** Members only of companies that may order in their park (mayOrder): checked by `gateOrdering`, which knows the park. */
  ordering?: true;
}

const gateOf = (roles: readonly Role[], to: string, kinds?: Gate["kinds"], ordering?: true): Gate => ({ roles, to, kinds, ordering });
const ANY_SIGNED_IN: readonly Role[] = ["COORDINATOR", "MEMBER", "INVESTOR"];

/** Every role gate, by action. An action missing here is open to anyone, signed in or not (registration, the catalogue). */
export const GATES = {
  createPark: gateOf(["COORDINATOR"], "create parks"),
  addCapability: gateOf(["COORDINATOR"], "add capabilities to the catalogue"),
  updateCompanyProfile: gateOf(["COORDINATOR", "MEMBER"], "change company profiles"),
  issueApiToken: gateOf(["COORDINATOR", "MEMBER"], "issue API tokens"),
  revokeApiToken: gateOf(["COORDINATOR", "MEMBER"], "revoke API tokens"),
  addEngineer: gateOf(["COORDINATOR", "MEMBER"], "add engineers"),
  updateEngineer: gateOf(["COORDINATOR", "MEMBER"], "change engineers"),
  declareCapabilityOffer: gateOf(["COORDINATOR", "MEMBER"], "declare capability offers"),
  updateCapabilityOffer: gateOf(["COORDINATOR", "MEMBER"], "change capability offers"),
  postOrder: gateOf(["MEMBER"], "post orders (members of product companies, outside customers and a cluster's manufacturers)"),
  postChain: gateOf(["MEMBER"], "post production chains (members of product companies, outside customers and a cluster's manufacturers)"),
  cancelOrder: gateOf(["MEMBER"], "cancel orders (the order's owner)"),
  reorderCancelledUnits: gateOf(["MEMBER"], "place cancelled contracts' units again (the order's owner)"),
  awardOrder: gateOf(["MEMBER"], "award orders (the order's owner)"),
  awardChain: gateOf(["MEMBER"], "award production chains (the chain's customer)"),
  matchPreview: gateOf(["MEMBER", "COORDINATOR"], "preview plans (those who may order in their park, and the coordinator)", ORDERING_KINDS, true),
  submitBid: gateOf(["MEMBER"], "bid (members of contract companies and research institutes)"),
  reviseBid: gateOf(["MEMBER"], "revise bids (the bidding contract company)"),
  withdrawBid: gateOf(["MEMBER"], "withdraw bids (the bidding contract company)"),
  startContractProduction: gateOf(["MEMBER"], "start production (the contractor)"),
  cancelContract: gateOf(["MEMBER", "COORDINATOR"], "cancel contracts (the customer)"),
  recordDelivery: gateOf(["MEMBER"], "record deliveries (the contractor)"),
  acceptDelivery: gateOf(["MEMBER"], "accept deliveries (the customer)"),
  rejectDelivery: gateOf(["MEMBER"], "reject deliveries (the customer)"),
  reassignWork: gateOf(["MEMBER", "COORDINATOR"], "reassign work (the contractor)", PRODUCER_KINDS),
  recordInvestment: gateOf(["COORDINATOR"], "record investments (the coordinator)"),
  setScoreWeights: gateOf(["COORDINATOR"], "set scorecard weights (the coordinator)"),
  setParkTarget: gateOf(["COORDINATOR"], "set park targets (the coordinator)"),
  addScoreFactor: gateOf(["COORDINATOR"], "add scorecard sub-factors (the coordinator)"),
  recordScoreFactorValue: gateOf(["COORDINATOR"], "enter companies' scorecard values (the coordinator)"),
  openOrders: gateOf(["MEMBER", "COORDINATOR"], "list open orders (producers, to bid, universities and suppliers, and the coordinator)", [...PRODUCER_KINDS, "UNIVERSITY", "SUPPLIER"]),
  myOrders: gateOf(["MEMBER"], "list their company's orders"),
  myChains: gateOf(["MEMBER"], "list their company's production chains"),
  myBids: gateOf(["MEMBER"], "list their company's bids"),
  myContracts: gateOf(["MEMBER"], "list their company's contracts"),
  orders: gateOf(["COORDINATOR"], "list all orders"),
  capacityHeatMap: gateOf(["COORDINATOR", "INVESTOR", "MEMBER"], "see the park's capacity heat-map (the coordinator, investors, banks and universities)", ["FINANCIAL_INSTITUTION", "UNIVERSITY"]),
  demandForecast: gateOf(["COORDINATOR", "INVESTOR", "MEMBER"], "see the park's demand forecast (the coordinator, investors, banks and universities)", ["FINANCIAL_INSTITUTION", "UNIVERSITY"]),
  clusterAnalytics: gateOf(["COORDINATOR", "INVESTOR", "MEMBER"], "see cluster analytics (the coordinator, investors and banks)", ["FINANCIAL_INSTITUTION"]),
  investments: gateOf(["COORDINATOR", "INVESTOR", "MEMBER"], "see investments (the coordinator, investors and banks)", ["FINANCIAL_INSTITUTION"]),
  scoreWeights: gateOf(ANY_SIGNED_IN, "read the scorecard weights (anyone signed in)"),
  companyReports: gateOf(ANY_SIGNED_IN, "read a company's load and revenue (its members and the coordinator)"),
  marketEvents: gateOf(["MEMBER", "COORDINATOR"], "subscribe to market events (company members and the coordinator)"),
  uploadDocument: gateOf(["MEMBER"], "attach documents (an order's owner, a bid's bidder)"),
  askQuestion: gateOf(["MEMBER"], "ask questions on open orders (producers)", PRODUCER_KINDS),
  answerQuestion: gateOf(["MEMBER"], "answer questions (the order's owner)"),
  notifications: gateOf(["MEMBER"], "read notifications (company members: the coordinator hears of everything live)"),
  markNotificationsRead: gateOf(["MEMBER"], "mark notifications read (company members)"),
} as const satisfies Record<string, Gate>;
export type Action = keyof typeof GATES;

/** `gate` for an action only those who may order take (Gate.ordering): a member's park decides for a contract company. */
export async function gateOrdering(viewer: Viewer | null, action: Action, parkKindOf: (companyId: number) => Promise<"TECHNOPARK" | "CLUSTER">): Promise<Viewer> {
  const v = gate(viewer, action);
  if (v.role === "MEMBER" && !mayOrder(v.companyKind, await parkKindOf(v.companyId!))) throw forbidden(`Only members of companies that may order in their park may ${GATES[action].to}.`);
  return v;
}

/** The viewer, or UNAUTHENTICATED when the request carries no token. */
export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

/** The viewer if the action's gate lets it through; else UNAUTHENTICATED (no token) or FORBIDDEN. */
export function gate(viewer: Viewer | null, action: Action): Viewer {
  const v = requireViewer(viewer);
  const { roles, kinds, to }: Gate = GATES[action];
  if (!roles.includes(v.role)) throw forbidden(`Only ${roles.join(" or ")} tokens may ${to}.`);
  if (kinds && v.role === "MEMBER" && !kinds.includes(v.companyKind!)) throw forbidden(`Only members of ${kinds.map((kind) => KIND_NAMES[kind]).join(" or ")} may ${to}.`);
  return v;
}
