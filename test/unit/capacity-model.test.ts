import { applyPlan, bookedKey, planBooking, weekWhenDone, type BookedHours } from "../../src/capacity/booking";
import { formatHours } from "../../src/capacity/hours";
import { addWeeks, isoWeekLabel, weekEnd, weekStart, weeksFrom } from "../../src/capacity/weeks";

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

describe("weekWhenDone", () => {
  it.each([
    [[100, 100, 100], 0, 0],
    [[100, 100, 100], 100, 0],
    [[100, 100, 100], 101, 1],
    [[0, -50, 100], 100, 2], // overbooked weeks count as no free capacity, not negative
    [[100, 100], 201, null],
  ])("free %j, need %d: done in week %p", (free, required, expected) => {
    expect(weekWhenDone(free, required)).toBe(expected);
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
