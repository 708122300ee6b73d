import { applyPlan, bookedKey, planBooking, type BookedHours } from "../../src/capacity/booking";
import { offerSchedule, pointCovering, type FreeCapacity } from "../../src/capacity/free-capacity";
import { formatHours } from "../../src/capacity/hours";
import fc from "fast-check";
import { openOrderDemand } from "../../src/capacity/capacity.service";
import { addWeeks, isoWeekLabel, weekEnd, weekNumber, weekStart, weeksFrom } from "../../src/capacity/weeks";
import { addDays, DAY_MS, localDate } from "../../src/shared/time";

describe("ISO weeks", () => {
  it.each([
    ["2026-11-23", "2026-11-23", "2026-W48"], // a Monday
    ["2026-11-29", "2026-11-23", "2026-W48"], // its Sunday
    ["2026-12-31", "2026-12-28", "2026-W53"], // 2026 starts on a Thursday: 53 weeks
    ["2027-01-03", "2026-12-28", "2026-W53"],
    ["2027-01-04", "2027-01-04", "2027-W01"],
    ["2021-01-01", "2020-12-28", "2020-W53"],
    ["2024-12-30", "2024-12-30", "2025-W01"], // Monday of week 1 of 2025, still in 2024
    ["2024-02-29", "2024-02-26", "2024-W09"],
  ])("%s is in the week of %s, %s", (date, monday, label) => {
    expect(weekStart(date)).toBe(monday);
    expect(isoWeekLabel(monday)).toBe(label);
  });

  it("lists weeks inclusively and ends them on Sunday", () => {
    expect(weeksFrom("2026-11-25", "2026-12-07")).toEqual(["2026-11-23", "2026-11-30", "2026-12-07"]);
    expect(weeksFrom("2026-12-08", "2026-12-07")).toEqual(["2026-12-07"]); // the week of the 8th starts on the 7th
    expect(weeksFrom("2026-12-14", "2026-12-07")).toEqual([]);
    expect(addWeeks("2026-12-28", 1)).toBe("2027-01-04");
    expect(weekEnd("2026-12-28")).toBe("2027-01-03");
  });
});

it("numbers consecutive weeks consecutively, every day of a week alike", () => {
  for (let day = 0; day < 800; day++) {
    const date = addDays("2025-06-01", day);
    expect(weekNumber(date)).toBe(weekNumber(weekStart(date)));
    expect(weekNumber(addWeeks(weekStart(date), 1))).toBe(weekNumber(date) + 1);
  }
});

describe("planBooking", () => {
  const engineers = [
    { engineerId: 2, weeklyCentihours: 4000 },
    { engineerId: 1, weeklyCentihours: 2000 },
  ];
  const weeks = ["2026-11-23", "2026-11-30", "2026-12-07"];

  it("fills the earliest week first, engineers in id order, never above their hours", () => {
    const plan = planBooking(engineers, weeks, new Map(), 7500);
    expect(plan).toEqual({
      missing: 0,
      lines: [
        { engineerId: 1, week: "2026-11-23", centihours: 2000 },
        { engineerId: 2, week: "2026-11-23", centihours: 4000 },
        { engineerId: 1, week: "2026-11-30", centihours: 1500 },
      ],
    });
  });

  it("books around existing work and reports what does not fit", () => {
    const booked: BookedHours = new Map([
      [bookedKey(1, "2026-11-23"), 2000],
      [bookedKey(2, "2026-11-30"), 3950],
    ]);
    const plan = planBooking(engineers, weeks, booked, 20_000);
    expect(plan.lines.reduce((sum, l) => sum + l.centihours, 0)).toBe(4000 + 2000 + 50 + 2000 + 4000);
    expect(plan.missing).toBe(20_000 - 12_050);
    applyPlan(booked, plan);
    for (const e of engineers) for (const w of weeks) expect(booked.get(bookedKey(e.engineerId, w)) ?? 0).toBeLessThanOrEqual(e.weeklyCentihours);
  });

  it("books nothing for nothing, and everything it can for engineers with no hours left", () => {
    expect(planBooking(engineers, weeks, new Map(), 0)).toEqual({ lines: [], missing: 0 });
    expect(planBooking([], weeks, new Map(), 100)).toEqual({ lines: [], missing: 100 });
  });
});

describe("offerSchedule", () => {
  // Three weeks from Monday 2026-11-23; 100 free centihours (1 hour) a week.
  const free: FreeCapacity = { weeks: ["2026-11-23", "2026-11-30", "2026-12-07"], weekly: new Map([[1, [100, 100, 100]]]) };
  const offer = (minLeadDays: number, centihoursPerUnit: number) => ({ companyId: 1, minLeadDays, centihoursPerUnit });

  it("completes at the end of each week the units whose hours fit so far", () => {
    expect(offerSchedule(offer(0, 100), free, "2026-11-23")).toEqual([
      { date: "2026-11-29", units: 1 },
      { date: "2026-12-06", units: 2 },
      { date: "2026-12-13", units: 3 },
    ]);
  });

  it("completes no sooner than the minimum lead time, merging the weeks before it into one point", () => {
    // 14 days: 2026-12-07, after the first two weeks' ends
    expect(offerSchedule(offer(14, 100), free, "2026-11-23")).toEqual([
      { date: "2026-12-07", units: 2 },
      { date: "2026-12-13", units: 3 },
    ]);
  });

  it("leaves out weeks that add no whole unit", () => {
    expect(offerSchedule(offer(0, 150), free, "2026-11-23")).toEqual([
      { date: "2026-12-06", units: 1 },
      { date: "2026-12-13", units: 2 },
    ]);
  });

  it.each([
    [1, "2026-11-29"],
    [3, "2026-12-13"],
    [4, undefined],
  ])("covers %d units first on %s", (quantity, date) => {
    expect(pointCovering(offerSchedule(offer(0, 100), free, "2026-11-23"), quantity)?.date).toBe(date);
  });
});

describe("formatHours", () => {
  it.each([
    [0, "0"],
    [150, "1.5"],
    [1234, "12.34"],
    [84000, "840"],
    [5, "0.05"],
  ])("%d centihours read %s hours", (centihours, text) => {
    expect(formatHours(centihours)).toBe(text);
  });
});

describe("openOrderDemand", () => {
  /** The spread as specified, week by week over calendar strings: the reference. */
  const reference = (orders: { quantity: number; neededBy: string; biddingClosesAt: Date }[], perUnit: number, window: { asOf: string; weeks: string[] }) => {
    const demand = window.weeks.map(() => 0);
    // Orders whose hours fall in the same weeks are spread together.
    const spans = new Map<string, { weeks: string[]; centihours: number }>();
    for (const order of orders) {
      const closes = localDate(order.biddingClosesAt);
      const first = weekStart(closes > window.asOf ? closes : window.asOf);
      const last = weekStart(order.neededBy);
      const weeks = weeksFrom(first, last > first ? last : first);
      const span = spans.get(weeks.join()) ?? { weeks, centihours: 0 };
      span.centihours += order.quantity * perUnit;
      spans.set(weeks.join(), span);
    }
    for (const { weeks, centihours } of spans.values()) {
      weeks.forEach((week, i) => {
        const at = window.weeks.indexOf(week);
        if (at >= 0) demand[at] += Math.floor(centihours / weeks.length) + (i < centihours % weeks.length ? 1 : 0);
      });
    }
    return demand;
  };

  it("spreads orders evenly from bidding close to needed-by, to the centihour, within the window", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ quantity: fc.integer({ min: 1, max: 10_000 }), closesIn: fc.integer({ min: -60, max: 400 }), neededIn: fc.integer({ min: -30, max: 1500 }) }), { maxLength: 20 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 104 }),
        (specs, perUnit, weeks) => {
          const asOf = "2026-12-02";
          const window = { asOf, weeks: weeksFrom(weekStart(asOf), addWeeks(weekStart(asOf), weeks - 1)) };
          const orders = specs.map((o) => ({ quantity: o.quantity, neededBy: addDays(asOf, o.neededIn), biddingClosesAt: new Date(Date.parse(`${asOf}T09:00:00Z`) + o.closesIn * DAY_MS) }));
          // As the database groups them: by the week bidding closes in and the week needed by.
          const groups = orders.map((o) => ({ closesWeek: weekNumber(localDate(o.biddingClosesAt)), neededWeek: weekNumber(o.neededBy), units: o.quantity, orders: 1 }));
          const got = openOrderDemand(groups, perUnit, window);
          expect(got.openOrders).toBe(orders.length);
          expect(got.demandByWeek).toEqual(reference(orders, perUnit, window));
          expect(got.openOrderCentihours).toBe(orders.reduce((sum, o) => sum + o.quantity * perUnit, 0));
        },
      ),
      { numRuns: 300 },
    );
  });
});
