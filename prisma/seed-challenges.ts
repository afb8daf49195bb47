// Demo challenges for a first start (called by seed.ts inside its transaction): one open for
// entries with a few entries, one finished with a winner, a runner-up and the judges' notes.
import type { Prisma } from "../lib/generated/prisma/client";
import { renderStory } from "../lib/content/markdown";
import { slugify } from "../lib/content/slug";

type Ids = { communityIds: Map<string, string>; userIds: Map<string, string>; storyIds: Map<string, string>; now: number };

const DAY = 24 * 60 * 60 * 1000;

/** Stories written for the challenges, beside the main demo stories (seed-content.ts). */
const challengeStories = [
  {
    key: "lighthouse-ledger",
    title: "The Lighthouse Keeper's Ledger",
    subtitle: "Every ship that passed, and one that didn't",
    author: "priya",
    community: "fiction",
    daysAgo: 20,
    body: "The ledger had a column for every ship: name, flag, hour, weather.\n\nFor forty years my grandmother filled it in a hand so small the inspectors needed a glass. On the last page, in the last row, she wrote a name I had never heard, and under *weather* a single word: **home**.\n\nI went looking for the ship. There was no record of it anywhere but her book.",
  },
  {
    key: "april-snow",
    title: "Snow in April",
    subtitle: "A short story about a late frost",
    author: "tomas",
    community: "fiction",
    daysAgo: 19,
    body: "The orchard had already blossomed when the snow came.\n\nMy father walked the rows all night with a lantern, lighting small fires between the trees, and I followed him with the matches. By morning the blossoms were wrapped in ice like sweets in paper, and he said nothing at all, which is how I knew.",
  },
  {
    key: "night-shift",
    title: "What the Night Shift Knows",
    subtitle: "Notes from the hours between two and five",
    author: "maya",
    community: "journal",
    daysAgo: 1,
    body: "At three in the morning the hospital corridor hums at a pitch you stop hearing after a week.\n\nI learned the names of the cleaners before I learned the names of the doctors. They knew which patients were afraid of the dark, and left the lights on for them without being asked.",
  },
] as const;

const openPrompt =
  "Write about **the small hours**: the time between midnight and dawn when the world belongs to a few people.\n\n- A true story from your own life, in the first person\n- 100 to 3,000 words\n- Tell us what those hours taught you";
const finishedPrompt = "A story in which a **record** (a ledger, a diary, a logbook, a list) holds a secret.\n\nAny genre. Surprise us.";

/** Renders the challenge stories and prompts (outside the transaction: it has a time limit). */
export async function renderChallengeContent() {
  const [stories, open, finished] = await Promise.all([Promise.all(challengeStories.map((s) => renderStory(s.body))), renderStory(openPrompt), renderStory(finishedPrompt)]);
  return { stories, open: open.html, finished: finished.html };
}

export async function seedChallenges(tx: Prisma.TransactionClient, rendered: Awaited<ReturnType<typeof renderChallengeContent>>, { communityIds, userIds, storyIds, now }: Ids) {
  const ids = new Map(storyIds);
  for (const [i, s] of challengeStories.entries()) {
    const publishedAt = new Date(now - s.daysAgo * DAY);
    const row = await tx.story.create({
      data: {
        authorId: userIds.get(s.author)!,
        communityId: communityIds.get(s.community)!,
        slug: slugify(s.title),
        title: s.title,
        subtitle: s.subtitle,
        bodyMarkdown: s.body,
        bodyHtml: rendered.stories[i].html,
        wordCount: rendered.stories[i].wordCount,
        readingMinutes: rendered.stories[i].readingMinutes,
        status: "PUBLISHED",
        publishedAt,
        createdAt: publishedAt,
      },
      select: { id: true },
    });
    ids.set(s.key, row.id);
  }
  const author = async (storyKey: string) => (await tx.story.findUniqueOrThrow({ where: { id: ids.get(storyKey)! }, select: { authorId: true } })).authorId;
  const judges = [userIds.get("moderator")!, userIds.get("maya")!];

  const open = await tx.challenge.create({
    data: {
      slug: "the-small-hours",
      title: "The Small Hours",
      promptMarkdown: openPrompt,
      promptHtml: rendered.open,
      communityId: communityIds.get("journal")!,
      minWords: 50,
      maxWords: 3000,
      entriesPerCreator: 1,
      opensAt: new Date(now - 3 * DAY),
      closesAt: new Date(now + 9 * DAY),
      criteria: ["Honesty", "Craft", "Fit to the prompt"],
      prizes: [
        { label: "Winner", amount: "$300" },
        { label: "Two runners-up", amount: "$50 each" },
      ],
      judges: { create: judges.map((userId) => ({ userId })) },
    },
    select: { id: true },
  });
  for (const [i, key] of ["night-shift", "quiet-story", "welcome"].entries()) {
    await tx.challengeEntry.create({ data: { challengeId: open.id, storyId: ids.get(key)!, authorId: await author(key), createdAt: new Date(now - (2 - i * 0.5) * DAY) } });
  }

  const finished = await tx.challenge.create({
    data: {
      slug: "the-secret-record",
      title: "The Secret Record",
      promptMarkdown: finishedPrompt,
      promptHtml: rendered.finished,
      communityId: communityIds.get("fiction")!,
      minWords: 0,
      maxWords: 2000,
      entriesPerCreator: 1,
      opensAt: new Date(now - 30 * DAY),
      closesAt: new Date(now - 10 * DAY),
      announcedAt: new Date(now - 4 * DAY),
      criteria: ["Originality", "Craft", "Fit to the prompt"],
      prizes: [
        { label: "Winner", amount: "$500" },
        { label: "Runner-up", amount: "$100" },
      ],
      judges: { create: judges.map((userId) => ({ userId })) },
    },
    select: { id: true },
  });
  const results: [string, "WINNER" | "RUNNER_UP" | null, string, number[]][] = [
    ["lighthouse-ledger", "WINNER", "The last row of that ledger stayed with every one of us. A whole life in one word.", [9, 9, 10]],
    ["last-stop", "RUNNER_UP", "Quietly perfect pacing, and an ending that earns its silence.", [8, 9, 7]],
    ["april-snow", null, "", [7, 8, 6]],
  ];
  for (const [key, placement, judgesNote, scores] of results) {
    const entry = await tx.challengeEntry.create({
      data: { challengeId: finished.id, storyId: ids.get(key)!, authorId: await author(key), createdAt: new Date(now - 15 * DAY), readAt: new Date(now - 9 * DAY), shortlisted: placement !== null, placement, judgesNote },
      select: { id: true },
    });
    await tx.challengeScore.createMany({ data: judges.map((judgeId, j) => ({ entryId: entry.id, judgeId, scores: scores.map((s) => Math.max(1, s - j)), note: j === 0 ? judgesNote : "" })) });
  }
  const adminId = userIds.get("admin")!;
  await tx.moderationAction.createMany({
    data: [
      { actorId: adminId, action: "CHALLENGE_CREATE", targetType: "CHALLENGE", targetId: finished.id, reason: "Demo content", createdAt: new Date(now - 31 * DAY) },
      { actorId: adminId, action: "CHALLENGE_ANNOUNCE", targetType: "CHALLENGE", targetId: finished.id, reason: "The judges agreed", createdAt: new Date(now - 4 * DAY) },
      { actorId: adminId, action: "CHALLENGE_CREATE", targetType: "CHALLENGE", targetId: open.id, reason: "Demo content", createdAt: new Date(now - 4 * DAY) },
    ],
  });
  return { stories: challengeStories.length, challenges: 2 };
}
