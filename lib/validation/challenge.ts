import { z } from "@/lib/zod";
import { singleLineText, storableText } from "@/lib/validation/form";
import { parsePrizes } from "@/lib/domain/challenge-rules";

const reasonSchema = z.string().trim().min(3, "Say briefly why (it goes in the audit log)").max(500, "Keep the reason under 500 characters");
const wordBound = z.coerce.number({ message: "Enter a number" }).int("Enter a whole number").min(0, "At least 0").max(50_000, "At most 50,000");
/** An ISO time (the form turns the admin's local time into one); "" or junk is a field error. */
const instant = (message: string) =>
  z
    .string()
    .trim()
    .min(1, message)
    .transform((value, ctx) => {
      const at = new Date(value);
      if (Number.isNaN(at.getTime())) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return at;
    });

/** A challenge as the admin form edits it. Judges are handles; `reason` goes in the audit log. */
export const challengeInputSchema = z
  .object({
    title: z.string().overwrite(singleLineText).trim().min(3, "Give the challenge a title").max(100, "Keep the title under 100 characters"),
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .min(2, "The address needs at least 2 characters")
      .max(60, "Keep the address under 60 characters")
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens, like winter-tales"),
    prompt: z.string().overwrite(storableText).trim().min(10, "Write the prompt creators respond to").max(20_000, "Keep the prompt under 20,000 characters"),
    community: z.string().trim().min(1, "Choose the community entries are published in"),
    minWords: wordBound,
    maxWords: wordBound,
    entriesPerCreator: z.coerce.number({ message: "Enter a number" }).int("Enter a whole number").min(1, "At least 1").max(10, "At most 10"),
    opensAt: instant("Choose when entries open"),
    closesAt: instant("Choose the deadline"),
    criteria: z
      .string()
      .overwrite(storableText)
      .transform((text) => text.split("\n").map((line) => singleLineText(line).trim()).filter(Boolean))
      .pipe(z.array(z.string().max(80, "Keep each criterion under 80 characters")).min(1, "Name at least one thing judges score").max(6, "At most 6 criteria")),
    prizes: z
      .string()
      .overwrite(storableText)
      .max(2000, "Keep the prizes under 2,000 characters")
      .transform(parsePrizes)
      .pipe(z.array(z.object({ label: z.string().max(100, "Keep each prize under 100 characters"), amount: z.string().max(40, "Keep each amount under 40 characters") })).max(10, "At most 10 prizes"))
      .default([]),
    judges: z
      .string()
      .transform((text) => [...new Set(text.split(/[\s,]+/).map((h) => h.replace(/^@/, "").trim().toLowerCase()).filter(Boolean))])
      .pipe(z.array(z.string().max(40)).max(20, "At most 20 judges"))
      .default([]),
    reason: reasonSchema,
  })
  .refine((input) => input.closesAt > input.opensAt, { path: ["closesAt"], message: "The deadline must come after entries open" })
  .refine((input) => !input.maxWords || input.maxWords >= input.minWords, { path: ["maxWords"], message: "The most words must be at least the fewest" });
export type ChallengeInput = z.infer<typeof challengeInputSchema>;

/** A judge's scores (one field per criterion, `score-0`, `score-1`, …) and note to the creator. */
export function judgeScoreSchema(criteria: number) {
  const score = z.coerce.number({ message: "Score 1 to 10" }).int("Score 1 to 10").min(1, "Score 1 to 10").max(10, "Score 1 to 10");
  return z.object({
    ...Object.fromEntries(Array.from({ length: criteria }, (_, i) => [`score-${i}`, score])),
    note: z.string().overwrite(storableText).trim().max(2000, "Keep the note under 2,000 characters").default(""),
  }) as unknown as z.ZodType<{ note: string } & Record<`score-${number}`, number>>;
}

export const shortlistSchema = z.object({ shortlisted: z.enum(["true", "false"]).transform((v) => v === "true") });

/** The results: for each entry `placement-<entryId>` ("", WINNER, RUNNER_UP) and `note-<entryId>`. */
export type AnnounceInput = { placements: { entryId: string; placement: "WINNER" | "RUNNER_UP"; note: string }[]; reason: string };
export const announceSchema = z
  .record(z.string(), z.string())
  .transform((values, ctx): AnnounceInput => {
    const placements = Object.entries(values)
      .filter(([key, value]) => key.startsWith("placement-") && value)
      .map(([key, value]) => ({ entryId: key.slice("placement-".length), placement: value as "WINNER" | "RUNNER_UP", note: (values[`note-${key.slice("placement-".length)}`] ?? "").trim() }));
    const reason = (values.reason ?? "").trim();
    if (placements.some((p) => p.placement !== "WINNER" && p.placement !== "RUNNER_UP")) ctx.addIssue({ code: "custom", path: ["placements"], message: "Choose Winner, Runner-up or nothing for each entry" });
    if (placements.filter((p) => p.placement === "WINNER").length !== 1) ctx.addIssue({ code: "custom", path: ["placements"], message: "Choose exactly one winner" });
    if (placements.some((p) => p.note.length > 1000)) ctx.addIssue({ code: "custom", path: ["placements"], message: "Keep each note under 1,000 characters" });
    if (reason.length < 3) ctx.addIssue({ code: "custom", path: ["reason"], message: "Say briefly why (it goes in the audit log)" });
    return { placements, reason: reason.slice(0, 500) };
  });
