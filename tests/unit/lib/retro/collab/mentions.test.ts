import { describe, expect, it } from "vitest";
import { insertMention, mentionedUserIds, mentionNeedle, mentionQueryAt, mentionToken, suggestMembers } from "@/lib/retro/collab/mentions";

const alice = { userId: "u_alice-1", name: "Alice Smith", email: "alice@example.com" };
const bob = { userId: "u_bob", name: "Bob", email: "robert@ops.example.com" };

describe("mentions", () => {
  it("writes a mention as a link with the mention scheme, with the name made safe for Markdown", () => {
    expect(mentionToken(alice)).toBe("[@Alice Smith](mention:u_alice-1)");
    expect(mentionToken({ userId: "x", name: "Eve](javascript:1) <b>" })).toBe("[@Eve  javascript:1   b](mention:x)");
    expect(mentionToken({ userId: "x", name: "[]" })).toBe("[@member](mention:x)");
  });

  it("finds the mentioned members once each, and the text a search needs", () => {
    const body = `Thanks ${mentionToken(alice)} and ${mentionToken(bob)}, ${mentionToken(alice)} again; not [a](https://x) or (mention:zzz)`;
    expect(mentionedUserIds(body)).toEqual(["u_alice-1", "u_bob"]);
    expect(body).toContain(mentionNeedle(bob.userId));
    expect(mentionedUserIds("no mentions")).toEqual([]);
  });

  it("sees the @query being typed only at a word start", () => {
    expect(mentionQueryAt("hi @al", 6)).toEqual({ start: 3, query: "al" });
    expect(mentionQueryAt("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionQueryAt("line\n@bo more", 8)).toEqual({ start: 5, query: "bo" });
    expect(mentionQueryAt("mail me at a@b", 14)).toBeNull();
    expect(mentionQueryAt("hi @al ice", 10)).toBeNull();
  });

  it("suggests members by a word of their name or email", () => {
    expect(suggestMembers([alice, bob], "smi")).toEqual([alice]);
    expect(suggestMembers([alice, bob], "ROB")).toEqual([bob]);
    expect(suggestMembers([alice, bob], "")).toEqual([alice, bob]);
    expect(suggestMembers([alice, bob], "zed")).toEqual([]);
  });

  it("replaces the @query with the mention and puts the caret after it", () => {
    const text = "ping @ali please";
    const at = mentionQueryAt(text, 9)!;
    const result = insertMention(text, at, alice);
    expect(result.text).toBe("ping [@Alice Smith](mention:u_alice-1)  please");
    expect(result.caret).toBe("ping [@Alice Smith](mention:u_alice-1) ".length);
  });
});
