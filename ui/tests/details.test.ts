import { describe, expect, it } from "vitest";
import { detailsFacts, detailsWereOpen, rememberDetailsOpen } from "../src/lib/editor/details";

function memory(): Storage {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  } as Storage;
}

describe("the Details form's fold", () => {
  it("starts folded and remembers the person's choice", () => {
    const storage = memory();
    expect(detailsWereOpen(storage)).toBe(false);
    rememberDetailsOpen(true, storage);
    expect(detailsWereOpen(storage)).toBe(true);
    rememberDetailsOpen(false, storage);
    expect(detailsWereOpen(storage)).toBe(false);
  });

  it("starts folded when storage refuses to answer", () => {
    const broken = { getItem: () => { throw new Error("denied"); } } as unknown as Storage;
    expect(detailsWereOpen(broken)).toBe(false);
    expect(() => rememberDetailsOpen(true, { setItem: () => { throw new Error("full"); } } as unknown as Storage)).not.toThrow();
  });

  it("sums up the filled-in fields in the form's order, leaving out the empty ones", () => {
    const name = (key: string) => key.toUpperCase();
    expect(detailsFacts({ section: "economy", issue: "2020-W21", authors: ["Pavel", "Hanna"] }, name)).toEqual([
      "ECONOMY",
      "2020-W21",
      "Pavel, Hanna",
    ]);
    expect(detailsFacts({ section: null, issue: "", authors: [] }, name)).toEqual([]);
  });
});
