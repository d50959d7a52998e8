import { describe, expect, it } from "vitest";
import { UsdSum } from "@/lib/retro/waste";

describe("UsdSum", () => {
  it("adds many prices without float drift, skipping unpriced ones", () => {
    const sum = new UsdSum();
    for (let i = 0; i < 100_000; i++) sum.add(i % 2 ? 0.1 : 0.2);
    sum.add(null);
    sum.add(NaN);
    expect(sum.value()).toBe(15_000);
    expect(sum.priced).toBe(100_000);
    let naive = 0;
    for (let i = 0; i < 100_000; i++) naive += i % 2 ? 0.1 : 0.2;
    expect(naive).not.toBe(15_000); // what the compensation is for
  });
});
