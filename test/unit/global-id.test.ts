import { fromGlobalId, idOf, toGlobalId } from "../../src/graphql/global-id";
import { encodeCursor, pageRequest } from "../../src/graphql/connection";

describe("global ids", () => {
  it("round-trip type and id", () => {
    expect(fromGlobalId(toGlobalId("Company", 42))).toEqual({ type: "Company", id: 42 });
    expect(idOf(toGlobalId("Engineer", 7), "Engineer")).toBe(7);
  });

  it("refuse another type, unknown types, and ids that are not positive integers", () => {
    expect(idOf(toGlobalId("Engineer", 7), "Company")).toBeNull();
    const forge = (text: string) => Buffer.from(text).toString("base64url");
    for (const raw of ["Invoice:1", "Company:0", "Company:-1", "Company:1.5", "Company:01", "Company:99999999999999999", "Company", ""]) {
      expect(fromGlobalId(forge(raw))).toBeNull();
    }
    expect(fromGlobalId("not base64!")).toBeNull();
  });
});

describe("cursors", () => {
  it("decode to the id they encode", () => {
    expect(pageRequest({ first: 5, after: encodeCursor(99) })).toEqual({ limit: 5, afterId: 99 });
    expect(pageRequest({})).toEqual({ limit: 20, afterId: null });
  });
});
