import { Currency, parseMoneyAmount, toMoney } from "../../src/graphql/money";

describe("money", () => {
  it.each([
    ["0.01", 1],
    ["1", 100],
    ["1250.5", 125050],
    ["27000000000.00", 2_700_000_000_000],
    ["-12.34", -1234],
    [" 7 ", 700],
    ["90071992547409.91", Number.MAX_SAFE_INTEGER],
  ])("parses %s to %d minor units", (amount, minor) => {
    expect(parseMoneyAmount(amount, Currency.RUB)).toEqual({ ok: true, minorUnits: minor });
  });

  it.each([
    ["1.001", "INVALID_FORMAT"],
    ["1e3", "INVALID_FORMAT"],
    ["1,50", "INVALID_FORMAT"],
    ["", "INVALID_FORMAT"],
    [".5", "INVALID_FORMAT"],
    ["NaN", "INVALID_FORMAT"],
    ["90071992547409.92", "OUT_OF_RANGE"],
  ])("refuses %s as %s", (amount, problem) => {
    expect(parseMoneyAmount(amount, Currency.RUB)).toMatchObject({ ok: false, problem });
  });

  it("formats minor units exactly, beyond what a 32-bit integer or a float sum would keep", () => {
    expect(toMoney(2_700_000_000_000, Currency.RUB)).toEqual({ amount: "27000000000.00", minorUnits: "2700000000000", currency: "RUB" });
    expect(toMoney(5, Currency.RUB).amount).toBe("0.05");
    expect(toMoney(-1234, Currency.RUB).amount).toBe("-12.34");
    expect(toMoney(Number.MAX_SAFE_INTEGER, Currency.RUB).amount).toBe("90071992547409.91");
  });

  it("round-trips every amount it formats", () => {
    for (const minor of [0, 1, 99, 100, 101, 123456789, 2_700_000_000_000]) {
      expect(parseMoneyAmount(toMoney(minor, Currency.RUB).amount, Currency.RUB)).toEqual({ ok: true, minorUnits: minor });
    }
  });
});
