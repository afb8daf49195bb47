import { describe, expect, it } from "vitest";
import { challengeEntryProblems, challengePhase, mergeProblems, parsePrizes, prizesText, receiptSteps, wordRangeText } from "@/lib/domain/challenge-rules";
import { publishProblems } from "@/lib/domain/publishing-rules";
import { timeLeft } from "@/components/challenges/countdown";

const at = (iso: string) => new Date(iso);
const times = { opensAt: at("2026-12-01T00:00:00Z"), closesAt: at("2026-12-10T00:00:00Z"), announcedAt: null };

describe("challengePhase", () => {
  it("moves upcoming → open → judging by the clock, and finished once announced", () => {
    expect(challengePhase(times, at("2026-11-30T23:59:59Z").getTime())).toBe("upcoming");
    expect(challengePhase(times, at("2026-12-01T00:00:00Z").getTime())).toBe("open");
    expect(challengePhase(times, at("2026-12-09T23:59:59Z").getTime())).toBe("open");
    // The deadline itself is closed.
    expect(challengePhase(times, at("2026-12-10T00:00:00Z").getTime())).toBe("judging");
    expect(challengePhase({ ...times, announcedAt: at("2026-12-12T00:00:00Z") }, at("2026-12-05T00:00:00Z").getTime())).toBe("finished");
  });
});

describe("challengeEntryProblems", () => {
  const challenge = { title: "Winter Tales", minWords: 100, maxWords: 1500, entriesPerCreator: 1, community: { slug: "fiction", name: "Fiction" } };
  it("says what is wrong in publishing's style, keyed by the editor's fields", () => {
    expect(challengeEntryProblems({ wordCount: 50, communitySlug: "journal" }, challenge, 1)).toEqual({
      community: ["Winter Tales entries are published in Fiction; move this story there first"],
      body: ["Winter Tales entries need at least 100 words; this one has 50"],
      challenge: ["Winter Tales takes one story per creator, and you've entered one"],
    });
    expect(challengeEntryProblems({ wordCount: 2000, communitySlug: "fiction" }, challenge, 0)).toEqual({ body: ["Winter Tales entries may have at most 1,500 words; this one has 2,000"] });
    expect(challengeEntryProblems({ wordCount: 500, communitySlug: "fiction" }, { ...challenge, entriesPerCreator: 3 }, 2)).toEqual({});
    expect(challengeEntryProblems({ wordCount: 500, communitySlug: "fiction" }, { ...challenge, entriesPerCreator: 3 }, 3).challenge).toEqual(["Winter Tales takes 3 stories per creator, and you've entered 3"]);
  });

  it("merges with the community's problems, keeping both messages for a field", () => {
    const community = publishProblems({ title: "T", subtitle: "", wordCount: 50, heroImageUrl: null, heroImageAlt: null }, { name: "Fiction", requireSubtitle: true, requireHero: false, minWords: 80 });
    const merged = mergeProblems(community, challengeEntryProblems({ wordCount: 50, communitySlug: "fiction" }, challenge, 0));
    expect(merged).toEqual({
      subtitle: ["Fiction stories need a subtitle"],
      body: ["Fiction stories need at least 80 words; this one has 50", "Winter Tales entries need at least 100 words; this one has 50"],
    });
  });
});

describe("word ranges, prizes, receipts, countdown", () => {
  it("words a range people read", () => {
    expect(wordRangeText({ minWords: 500, maxWords: 1500 })).toBe("500 to 1,500 words");
    expect(wordRangeText({ minWords: 300, maxWords: 0 })).toBe("at least 300 words");
    expect(wordRangeText({ minWords: 0, maxWords: 2000 })).toBe("at most 2,000 words");
    expect(wordRangeText({ minWords: 0, maxWords: 0 })).toBeNull();
  });

  it("reads prizes from lines and writes them back", () => {
    const prizes = parsePrizes("Winner: $500\n\n  Runner-up: $100 \nA mention in the newsletter");
    expect(prizes).toEqual([{ label: "Winner", amount: "$500" }, { label: "Runner-up", amount: "$100" }, { label: "A mention in the newsletter", amount: "" }]);
    expect(prizesText(prizes)).toBe("Winner: $500\nRunner-up: $100\nA mention in the newsletter");
  });

  it("a receipt shows a placement only once the results are out", () => {
    const received = at("2026-12-02T10:00:00Z");
    const read = at("2026-12-11T10:00:00Z");
    expect(receiptSteps({ received, readAt: null, shortlisted: false, placement: null, announced: false }).map((s) => s.label)).toEqual(["Received"]);
    expect(receiptSteps({ received, readAt: read, shortlisted: true, placement: "WINNER", announced: false }).map((s) => s.label)).toEqual(["Received", "Read by judges", "Shortlisted"]);
    expect(receiptSteps({ received, readAt: read, shortlisted: true, placement: "WINNER", announced: true }).map((s) => s.label)).toEqual(["Received", "Read by judges", "Shortlisted", "Winner"]);
    expect(receiptSteps({ received, readAt: read, shortlisted: false, placement: "RUNNER_UP", announced: true }).at(-1)?.label).toBe("Runner-up");
  });

  it("counts down in the two largest units", () => {
    expect(timeLeft((2 * 86400 + 3 * 3600 + 5) * 1000)).toBe("2 days 3 hours");
    expect(timeLeft((3600 + 60) * 1000)).toBe("1 hour 1 minute");
    expect(timeLeft(86400 * 1000)).toBe("1 day");
    expect(timeLeft(59_000)).toBe("59 seconds");
    expect(timeLeft(-5)).toBe("0 seconds");
  });
});
