import { match } from "../../src/matching/engine";
import { workerMatcher } from "../../src/matching/matcher";
import { rigidLotsFeasibleInstance, rigidLotsInstance } from "../support/matching";

/** The engine in its worker thread: the same answers as on the calling thread, and a bounded queue. */
describe("the worker matcher", () => {
  it("answers exactly as the engine does on the calling thread", async () => {
    const matcher = workerMatcher();
    try {
      for (const instance of [rigidLotsFeasibleInstance(24), rigidLotsInstance(28)]) {
        expect(await matcher.match(instance.order, instance.candidates)).toEqual(match(instance.order, instance.candidates));
      }
    } finally {
      await matcher.close();
    }
  });

  it("refuses with PLANNER_BUSY once its queue is full, and serves again when it drains", async () => {
    const matcher = workerMatcher(1, 2);
    try {
      const { order, candidates } = rigidLotsFeasibleInstance(24);
      const results = await Promise.allSettled(Array.from({ length: 8 }, () => matcher.match(order, candidates)));
      const refused = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.extensions?.code);
      expect(refused.length).toBeGreaterThan(0);
      expect(new Set(refused)).toEqual(new Set(["PLANNER_BUSY"]));
      expect(results.filter((r) => r.status === "fulfilled").length).toBeGreaterThanOrEqual(2);
      expect((await matcher.match(order, candidates)).complete).toBe(true);
    } finally {
      await matcher.close();
    }
  });
});
