import { DEMO_PARKS } from "../../src/seed/demo-data";
import { addDays } from "../../src/shared/time";
import { getTableName } from "drizzle-orm";
import { reseed, seedDemoData, SETTINGS_TABLES, TABLES_CHILDREN_FIRST } from "../../src/seed/seed";
import { startTestServer, type TestServer } from "../support/server";
import { tablesOf } from "../support/sql";

let server: TestServer;
let tokens: Awaited<ReturnType<typeof seedDemoData>>;

beforeAll(async () => {
  server = await startTestServer();
  tokens = await seedDemoData(server.database.store);
});
afterAll(() => server.close());

const tokenFor = (label: string) => tokens.find((t) => t.label === label)!.token;

describe("demo data", () => {
  it("models the reference technopark: product and contract companies 80/20, and two clusters", async () => {
    const { data } = await server.gql(`{ parks { nodes { name kind companies(first: 100) { nodes { kind } } } } }`);
    expect(data.parks.nodes.map((p: any) => p.kind)).toEqual(["TECHNOPARK", "CLUSTER", "CLUSTER"]);
    const kinds = data.parks.nodes[0].companies.nodes.map((c: any) => c.kind);
    expect(kinds.filter((k: string) => k === "PRODUCT").length / kinds.length).toBe(0.8);
  });

  it("gives working tokens for a coordinator, a product company, a contract company and an investor", async () => {
    const viewer = async (label: string) => (await server.gql(`{ viewer { role company { name kind } } }`, {}, tokenFor(label))).data.viewer;
    expect(await viewer("coordinator")).toEqual({ role: "COORDINATOR", company: null });
    expect(await viewer("product company")).toEqual({ role: "MEMBER", company: { name: "LaserMed Systems", kind: "PRODUCT" } });
    expect(await viewer("contract company")).toEqual({ role: "MEMBER", company: { name: "Troitsk Contract Manufacturing", kind: "CONTRACT" } });
    expect(await viewer("investor")).toEqual({ role: "INVESTOR", company: null });
    expect(await viewer("outside customer")).toEqual({ role: "MEMBER", company: { name: "Volga Pipeline Company", kind: "OUTSIDE_CUSTOMER" } });
    expect(await viewer("university")).toEqual({ role: "MEMBER", company: { name: "Voronezh State Technical University", kind: "UNIVERSITY" } });
    expect(await viewer("bank")).toEqual({ role: "MEMBER", company: { name: "Chernozem Development Bank", kind: "FINANCIAL_INSTITUTION" } });
  });

  it("gives the cluster its other participants, and a capability that runs short at a contractor whose other one does not", async () => {
    const cluster = (await server.gql(`{ parks { nodes { id kind companies(first: 100) { nodes { id name kind } } } } }`)).data.parks.nodes.find((p: any) => p.kind === "CLUSTER");
    const kinds = new Set(cluster.companies.nodes.map((c: any) => c.kind));
    for (const kind of ["OUTSIDE_CUSTOMER", "RESEARCH_INSTITUTE", "UNIVERSITY", "SUPPLIER", "FINANCIAL_INSTITUTION"]) expect(kinds).toContain(kind);
    // The outside customer's order, bid on by the research institute.
    const orders = (await server.gql(`{ myOrders(first: 5) { nodes { title bids { nodes { company { name } } } } } }`, {}, tokenFor("outside customer"))).data.myOrders.nodes;
    expect(orders).toEqual([{ title: "Ultrasonic testing of valve body welds", bids: { nodes: [{ company: { name: "Voronezh Welding and Testing Institute" } }] } }]);
    // Don Machining Works: four of its twelve engineers hold heat treatment, booked full; its machining is not.
    const don = cluster.companies.nodes.find((c: any) => c.name === "Don Machining Works").id;
    const load = (await server.gql(`query($id: ID) { loadReport(companyId: $id, weeks: 8) { capabilities { capability { code } peakUtilisation runsShort } } }`, { id: don }, tokenFor("coordinator"))).data.loadReport;
    const by = Object.fromEntries(load.capabilities.map((c: any) => [c.capability.code, c]));
    expect(by.HEAT_TREATMENT.runsShort).toBe(true);
    expect(by.MECHANICAL_MACHINING.runsShort).toBe(false);
    // The bank reads the cluster as an investor does.
    const bank = await server.gql(`query($id: ID!) { capacityHeatMap(parkId: $id, weeks: 8) { capabilities { capability { code } runsShort } } }`, { id: cluster.id }, tokenFor("bank"));
    expect(bank.errors).toBeUndefined();
  });

  it("gives every producer (contract companies, the research institute) engineers (system engineers among them) and offers, and the others none", async () => {
    const { data } = await server.gql(
      `{ companies(first: 100) { nodes { kind engineers(first: 100) { nodes { role } } capabilityOffers { nodes { id } } } } }`,
      {},
      tokenFor("coordinator"),
    );
    for (const company of data.companies.nodes) {
      const roles = company.engineers.nodes.map((e: any) => e.role);
      if (company.kind === "CONTRACT" || company.kind === "RESEARCH_INSTITUTE") {
        expect(roles).toContain("SYSTEM_ENGINEER");
        expect(company.capabilityOffers.nodes.length).toBeGreaterThan(0);
      } else {
        expect(roles).toEqual([]);
        expect(company.capabilityOffers.nodes).toEqual([]);
      }
    }
  });

  it("knows every table when it empties the database", async () => {
    const tables = await tablesOf(server.database);
    expect([...TABLES_CHILDREN_FIRST, ...SETTINGS_TABLES].map((t) => getTableName(t)).sort()).toEqual(tables.sort());
  });

  it("reloads from scratch: old tokens stop working, new ones work", async () => {
    const old = tokenFor("coordinator");
    const fresh = await reseed(server.database.store);
    expect((await server.gql(`{ viewer { role } }`, {}, old)).status).toBe(401);
    const coordinator = fresh.find((t) => t.label === "coordinator")!.token;
    expect((await server.gql(`{ viewer { role } }`, {}, coordinator)).data.viewer.role).toBe("COORDINATOR");
    expect((await server.gql(`{ companies(first: 100) { nodes { id } } }`)).data.companies.nodes).toHaveLength(DEMO_PARKS.reduce((sum, park) => sum + park.companies.length, 0));
  });
});

describe("demo marketplace", () => {
  it("shows the contract company open orders it can bid on, and the startup its order with bids", async () => {
    const fresh = await reseed(server.database.store);
    const token = (label: string) => fresh.find((t) => t.label === label)!.token;
    const open = await server.gql(`{ openOrders { nodes { title company { name } bids { nodes { id } } } } }`, {}, token("contract company"));
    expect(open.data.openOrders.nodes.map((o: any) => o.title)).toEqual([
      "Machined optical bench frames",
      "Assembly and testing of wearable sensor kits",
      // Stages of the Voronezh cluster's chain in capabilities it offers.
      "Machining of valve bodies",
      "Assembly and pressure testing of gate valves",
    ]);
    expect(open.data.openOrders.nodes[0].bids.nodes).toHaveLength(1);
    const mine = await server.gql(`{ myOrders { nodes { title status bids { nodes { company { name } } } } } }`, {}, token("product company"));
    expect(mine.data.myOrders.nodes).toEqual([
      { title: "Machined optical bench frames", status: "OPEN", bids: { nodes: [{ company: { name: "Troitsk Contract Manufacturing" } }, { company: { name: "Don Machining Works" } }] } },
    ]);
    const awarded = await server.gql(`{ orders(filter: { statuses: [AWARDED] }, orderBy: { field: CREATED_AT, direction: ASC }) { nodes { title contracts { nodes { quantity value { amount } contractor { name } } } } } }`, {}, token("coordinator"));
    expect(awarded.data.orders.nodes[0]).toEqual({
      title: "Heat treatment of pump shafts",
      contracts: {
        nodes: [
          { quantity: 3000, value: { amount: "5550000.00" }, contractor: { name: "GalvanoTerm" } },
          { quantity: 2000, value: { amount: "4200000.00" }, contractor: { name: "Don Machining Works" } },
        ],
      },
    });
    expect(awarded.data.orders.nodes.map((o: any) => o.title)).toEqual([
      "Heat treatment of pump shafts",
      "Composite pressure vessel shells",
      "Scale-up of an enzyme fermentation",
      "Machining of pump housings",
      "Casting of pump housings",
    ]);
  });

  it("gives the startup's open order a trade-off to read in its plans", async () => {
    const fresh = await reseed(server.database.store);
    const token = fresh.find((t) => t.label === "product company")!.token;
    const res = await server.gql(`{ myOrders { nodes { plans { plans { nodes { daysToCompletion totalCost { amount } picks lines { contractor { name } quantity } } } } } } }`, {}, token);
    // Troitsk alone in 42 days (400 x 7 900), or Don's 280 at 7 200 with Troitsk's 120 in 60; a day is worth 20 000.
    expect(res.data.myOrders.nodes[0].plans.plans.nodes).toEqual([
      { daysToCompletion: 42, totalCost: { amount: "3160000.00" }, picks: ["BALANCED", "FASTEST"], lines: [{ contractor: { name: "Troitsk Contract Manufacturing" }, quantity: 400 }] },
      {
        daysToCompletion: 60,
        totalCost: { amount: "2964000.00" },
        picks: ["CHEAPEST"],
        lines: [
          { contractor: { name: "Don Machining Works" }, quantity: 280 },
          { contractor: { name: "Troitsk Contract Manufacturing" }, quantity: 120 },
        ],
      },
    ]);
  });
  it("gives the cluster an awarded chain whose timeline shows each stage booked from the day its inputs arrive", async () => {
    const fresh = await reseed(server.database.store);
    const token = (label: string) => fresh.find((t) => t.label === label)!.token;
    const CHAIN = `query($id: ID!) { node(id: $id) { ... on Order { chain { title status expectedCompletion stages { order { title status } startDate expectedCompletion late } } } } }`;
    const all = (await server.gql(`{ orders(first: 100) { nodes { id title } } }`, {}, token("coordinator"))).data.orders.nodes;
    const stage = all.find((o: any) => o.title === "Casting of pump housings");
    const chain = (await server.gql(CHAIN, { id: stage.id }, token("coordinator"))).data.node.chain;
    expect(chain).toMatchObject({ title: "Pump housings for submersible pumps", status: "AWARDED" });
    const [machining, casting] = chain.stages;
    expect(machining.order).toEqual({ title: "Machining of pump housings", status: "AWARDED" });
    // Machining starts when the castings arrive: three days after the foundry completes.
    expect(machining.startDate).toBe(addDays(casting.expectedCompletion, 3));
    expect(chain.expectedCompletion).toBe(machining.expectedCompletion);
    expect([machining.late, casting.late]).toEqual([false, false]);
    // Its bearing sleeves are bought outside the cluster: the cluster's cooperation counts them as made elsewhere.
    const cluster = (await server.gql(`{ parks { nodes { id kind } } }`)).data.parks.nodes.find((p: any) => p.kind === "CLUSTER").id;
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Moscow" }).format(new Date());
    const volume = (await server.gql(`query($id: ID!, $to: LocalDate!) { clusterAnalytics(parkId: $id, from: "2020-01-01", to: $to) { orderVolume { sourcedOutside { amount } productionCooperationPercent referenceCooperationPercent } } }`, { id: cluster, to: today }, token("bank"))).data.clusterAnalytics.orderVolume;
    expect(volume.sourcedOutside).toEqual({ amount: "1240000.00" });
    expect(volume.productionCooperationPercent).toBeLessThan(100);
    expect(volume.referenceCooperationPercent).toBe(54);
  });

  it("gives the cluster a production chain whose plans a newcomer can read at once", async () => {
    const fresh = await reseed(server.database.store);
    const token = fresh.find((t) => t.label === "coordinator")!.token;
    const orders = await server.gql(`{ orders(first: 100) { nodes { id title } } }`, {}, token);
    const casting = orders.data.orders.nodes.find((o: any) => o.title === "Casting of valve bodies");
    const res = await server.gql(
      `query($id: ID!) { node(id: $id) { ... on Order { chain { title stages { order { title quantity } handOnQuantity } plans { plans { nodes { picks completionDate stages { stage { title } startDate arrivalDate plan { lines { contractor { name } source quantity } } } } } noPlanReason { message } } } } } }`,
      { id: casting.id },
      token,
    );
    expect(res.errors).toBeUndefined();
    const chain = res.data.node.chain;
    expect(chain.title).toBe("Gate valves DN150 for wellheads");
    // 60 valves; bodies machined at 95 %, cast at 90 %; two galvanised stems a valve.
    expect(chain.stages.map((s: any) => [s.order.title, s.order.quantity, s.handOnQuantity])).toEqual([
      ["Assembly and pressure testing of gate valves", 60, 60],
      ["Machining of valve bodies", 64, 60],
      ["Heat treatment of valve body castings", 64, 64],
      ["Casting of valve bodies", 72, 64],
      ["Galvanic coating of valve stems", 120, 120],
    ]);
    expect(chain.plans.noPlanReason).toBeNull();
    const plans = chain.plans.plans.nodes;
    expect(plans.length).toBeGreaterThan(0);
    expect(plans.flatMap((p: any) => p.picks).sort()).toEqual(["BALANCED", "CHEAPEST", "FASTEST"]);
    for (const plan of plans) {
      const stage = (title: string) => plan.stages.find((s: any) => s.stage.title === title);
      expect(stage("Casting of valve bodies").plan.lines).toEqual([{ contractor: { name: "Voronezh Foundry" }, source: "BID", quantity: 72 }]);
      expect(stage("Heat treatment of valve body castings").startDate).toBe(stage("Casting of valve bodies").arrivalDate);
      expect(stage("Machining of valve bodies").startDate).toBe(stage("Heat treatment of valve body castings").arrivalDate);
      const assembly = stage("Assembly and pressure testing of gate valves");
      expect(assembly.startDate).toBe([stage("Machining of valve bodies").arrivalDate, stage("Galvanic coating of valve stems").arrivalDate].sort()[1]);
      expect(plan.completionDate).toBe(assembly.arrivalDate);
    }
  });
});

describe("demo reports", () => {
  let token: (label: string) => string;
  let today: string;
  beforeAll(async () => {
    const fresh = await reseed(server.database.store);
    token = (label: string) => fresh.find((t) => t.label === label)!.token;
    today = new Date(Date.now() + 3 * 3600_000).toISOString().slice(0, 10);
  });
  const yearAgo = () => new Date(Date.now() + 3 * 3600_000 - 364 * 86_400_000).toISOString().slice(0, 10);

  it("shows the contract company a year of revenue, per engineer, growing", async () => {
    const res = await server.gql(
      `query($from: LocalDate!, $to: LocalDate!) { revenueReport(from: $from, to: $to) {
        inPeriod { revenue { minorUnits } perSystemEngineer { amount } } revenueGrowthPercent contractsWon { count }
        engineerRevenue(first: 3) { nodes { revenue { minorUnits } } } } }`,
      { from: yearAgo(), to: today },
      token("contract company"),
    );
    const report = res.data.revenueReport;
    expect(Number(report.inPeriod.revenue.minorUnits)).toBeGreaterThan(2 ** 31);
    expect(report.contractsWon.count).toBeGreaterThanOrEqual(6);
    // Its volume grows 25 % a year, as the reference contract company's does.
    expect(report.revenueGrowthPercent).toBeGreaterThan(15);
    expect(report.engineerRevenue.nodes.every((n: any) => Number(n.revenue.minorUnits) > 0)).toBe(true);
  });

  it("gives contractors scorecards whose parts are measured, and the coordinator and investor cluster figures", async () => {
    const cards = await server.gql(`{ companies(filter: { kind: CONTRACT }) { nodes { name scorecard { score components { factors { factor measured } } } } } }`, {}, token("product company"));
    for (const company of cards.data.companies.nodes) {
      const measured = company.scorecard.components.flatMap((c: any) => c.factors).filter((f: any) => f.measured);
      expect([company.name, measured.length]).toEqual([company.name, 7]);
    }
    const parks = (await server.gql(`{ parks { nodes { id name } } }`)).data.parks.nodes;
    const cluster = await server.gql(
      `query($parkId: ID!, $from: LocalDate!, $to: LocalDate!) { clusterAnalytics(parkId: $parkId, from: $from, to: $to) {
        investmentByKind { kind sharePercent } orderVolume { value { minorUnits } productionCooperationPercent } participation { activePercent } } }`,
      { parkId: parks[1].id, from: yearAgo(), to: today },
      token("investor"),
    );
    const analytics = cluster.data.clusterAnalytics;
    expect(analytics.investmentByKind).toEqual([
      { kind: "PRODUCT", sharePercent: 20 },
      { kind: "CONTRACT", sharePercent: 80 },
    ]);
    // Every contract of the cluster's members is placed with members; only the awarded chain's bearing sleeves are bought outside.
    expect(analytics.orderVolume.productionCooperationPercent).toBeGreaterThan(90);
    expect(analytics.orderVolume.productionCooperationPercent).toBeLessThan(100);
    expect(analytics.participation.activePercent).toBe(100);
  });

  it("shows the development centre a forecast that runs short, figures beside their benchmarks, and two clusters side by side", async () => {
    const parks = (await server.gql(`{ parks { nodes { id name } } }`)).data.parks.nodes;
    const forecast = (
      await server.gql(`query($parkId: ID!) { demandForecast(parkId: $parkId) { capabilities { capability { code } method runsShort firstShortWeek history { demandHours } backtest { totalMapePercent naiveTotalMapePercent } } } }`, { parkId: parks[1].id }, token("coordinator"))
    ).data.demandForecast.capabilities;
    // Don Machining Works' four furnace engineers are booked out: heat treatment's forecast demand runs short at once.
    const heat = forecast.find((c: { capability: { code: string } }) => c.capability.code === "HEAT_TREATMENT");
    expect(heat).toMatchObject({ method: "INTERMITTENT", runsShort: true });
    expect(heat.history.length).toBeGreaterThan(50);
    expect(heat.backtest.totalMapePercent).toBeLessThan(heat.backtest.naiveTotalMapePercent);
    expect(forecast[0].runsShort).toBe(true);

    const revenue = (await server.gql(`query($from: LocalDate!, $to: LocalDate!) { revenueReport(from: $from, to: $to) { benchmarks { measure amount { amount } referenceAmount { amount } value reference meets } } }`, { from: yearAgo(), to: today }, token("contract company"))).data.revenueReport.benchmarks;
    expect(revenue.map((b: { measure: string }) => b.measure)).toEqual(["REVENUE_PER_EMPLOYEE", "REVENUE_PER_SYSTEM_ENGINEER", "GROWTH"]);
    expect(revenue[0]).toMatchObject({ referenceAmount: { amount: "30000000.00" }, meets: false });
    // The history grows 25 % a year, as the reference does.
    expect(revenue[2]).toMatchObject({ reference: 25 });
    expect(revenue[2].value).toBeGreaterThan(20);

    const compared = (
      await server.gql(`query($from: LocalDate!, $to: LocalDate!) { parkComparison(from: $from, to: $to, rankBy: PARTICIPATION) { standings { nodes { rank park { name kind } participation { activePercent } orderVolume { minorUnits } } } } }`, { from: yearAgo(), to: today }, token("investor"))
    ).data.parkComparison.standings.nodes;
    expect(compared.filter((s: { park: { kind: string } }) => s.park.kind === "CLUSTER").map((s: { park: { name: string } }) => s.park.name).sort()).toEqual(["Tula Machine-Tool Cluster", "Voronezh Oil and Gas Equipment Cluster"]);
    for (const standing of compared) expect(Number(standing.orderVolume.minorUnits)).toBeGreaterThan(0);
    const targets = (
      await server.gql(`query($parkId: ID!, $from: LocalDate!, $to: LocalDate!) { clusterAnalytics(parkId: $parkId, from: $from, to: $to) { targets { measure amount { amount } progress { percentOfTarget requiredGrowthPercent reached } } } }`, { parkId: parks[1].id, from: yearAgo(), to: today }, token("investor"))
    ).data.clusterAnalytics.targets;
    // The Voronezh cluster's 50 billion roubles a year: far off on the platform's small demo volume.
    expect(targets).toMatchObject([{ measure: "ORDER_VOLUME", amount: { amount: "50000000000.00" }, progress: { reached: false } }]);
    expect(targets[0].progress.percentOfTarget).toBeLessThan(1);
    expect(targets[0].progress.requiredGrowthPercent).toBeGreaterThan(100);
    // The technopark (6 of its 10 companies active in the year, 60 %) ranks below both clusters (100 %).
    expect(compared[2]).toMatchObject({ rank: 3, park: { name: "NC Technopark Troitsk" }, participation: { activePercent: 60 } });
  });
});
