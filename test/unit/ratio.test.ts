import { annualised, divideRounded, growthPercent, perHead, percentOf } from "../../src/shared/ratio";

describe("exact report ratios", () => {
  it.each([
    [7n, 2n, 4n],
    [5n, 2n, 3n],
    [-5n, 2n, -3n],
    [5n, -2n, -3n],
    [4n, 3n, 1n],
    [-4n, 3n, -1n],
    [9_007_199_254_740_991n * 365n, 9n, 365_291_969_775_606_857n],
  ])("rounds %s / %s to %s, halves away from zero", (a, b, q) => {
    expect(divideRounded(a, b)).toBe(q);
  });

  it("rounds percentages to one decimal and leaves nothing to divide by as null", () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(1, 0)).toBeNull();
    expect(growthPercent(125, 100)).toBe(25);
    expect(growthPercent(0, 0)).toBeNull();
    expect(annualised(100, 365)).toBe(100n);
    expect(perHead(10, 0)).toBeNull();
  });
});
