// Demo content for Storyhouse. Pure data: no imports, no side effects.

export type SeedCommunity = {
  slug: string;
  name: string;
  description: string;
  requireSubtitle: boolean;
  minWords: number;
  /** Shown in the editor when a creator picks the community, and on its page. */
  guidelines?: string;
};

export type SeedCreator = {
  key: string;
  name: string;
  handle: string;
  email: string;
  bio: string;
  role?: "MODERATOR";
  /** Publishes without review (an admin's override); the others' new stories wait for a moderator. */
  trusted?: boolean;
};

export type SeedStory = {
  tags: string[];
  key: string;
  author: string /* SeedCreator.key */;
  community: string /* SeedCommunity.slug */;
  title: string;
  subtitle: string;
  daysAgo: number;
  body: string /* Markdown */;
};

export type SeedComment = {
  story: string /* SeedStory.key */;
  author: string /* SeedCreator.key */;
  body: string;
  minutesAfterPublish: number;
};

export const communities: SeedCommunity[] = [
  {
    slug: "the-swamp",
    name: "The Swamp",
    description:
      "Politics and civic life, from city council agendas to the ballot box. Argue hard, and argue in good faith.",
    requireSubtitle: false,
    minWords: 0,
    guidelines: "Name the policy, the place and the people involved. Link your sources. Disagree with ideas, not with other writers.",
  },
  {
    slug: "journal",
    name: "Journal",
    description:
      "Personal essays about the moments that shaped you, the big turns and the small ones you only understood later.",
    requireSubtitle: false,
    minWords: 0,
    guidelines: "Write from your own life, in the first person. Change names when the people in your story didn't ask to be in it.",
  },
  {
    slug: "lifehack",
    name: "Lifehack",
    description:
      "Practical, tested advice for making everyday life work a little better. Stories here need a subtitle and at least 300 words.",
    requireSubtitle: true,
    minWords: 300,
    guidelines: "Say what you tried, for how long, and what happened. Advice you haven't tested yourself belongs somewhere else.",
  },
  {
    slug: "fiction",
    name: "Fiction",
    description:
      "Short stories of every genre, from kitchen-table drama to the quietly uncanny.",
    requireSubtitle: false,
    minWords: 0,
    guidelines: "Tell us the genre in the subtitle or a tag. Content notes go at the top of the story.",
  },
];

export const creators: SeedCreator[] = [
  {
    key: "admin",
    name: "Storyhouse Team",
    handle: "storyhouse",
    email: "admin@storyhouse.local",
    bio: "We're the small team that keeps the lights on at Storyhouse: fixing bugs, reading every report, and quietly cheering whenever someone publishes their first story.",
  },
  {
    key: "maya",
    name: "Maya Okafor",
    handle: "maya-okafor",
    email: "maya.okafor@example.com",
    trusted: true,
    bio: "Maya spent seven years covering city hall for a regional daily and now writes about local government for anyone who will listen. She believes most civic problems can be improved by reading the agenda and bringing snacks.",
  },
  {
    key: "priya",
    name: "Priya Raman",
    handle: "priya-raman",
    email: "priya.raman@example.com",
    trusted: true,
    bio: "Hospice nurse on the night shift, amateur beekeeper, reluctant early riser. I write about the things people say at 3 a.m., and the things they don't.",
  },
  {
    key: "tomas",
    name: "Tomás Herrera",
    handle: "tomas-herrera",
    email: "tomas.herrera@example.com",
    bio: "Tomás cooked on restaurant lines for a decade before trading the flattop for a home kitchen and two very opinionated kids. He writes about food, routines, and making ordinary weeknights a little easier.",
  },
  {
    key: "jaewon",
    name: "Jae-won Park",
    handle: "jaewon-park",
    email: "jaewon.park@example.com",
    bio: "Pharmacy technician by day, fiction writer on the 44 bus by necessity. I'm finishing my first novel one 38-minute commute at a time.",
  },
  {
    key: "moderator",
    name: "Sam Reyes",
    handle: "sam-reyes",
    email: "moderator@example.com",
    bio: "Community moderator at Storyhouse. I read the review queue with coffee and try to say yes whenever I can.",
    role: "MODERATOR",
  },
];

/** A story waiting in the review queue on a fresh install, so moderators have something to look at. */
export const submission = {
  author: "jaewon",
  community: "fiction",
  title: "The Last Stop Before the River",
  subtitle: "A short story about a bus driver, a lost glove and the kindness of strangers",
  hoursAgo: 3,
  body: `## The glove

Every night at 11:40 the 44 bus empties out at the river stop, and every night Lena walks the aisle before she turns around. Mostly she finds receipts. Tonight she found a single red glove, knitted by hand, with a name tag sewn into the cuff: *Arturo*.

She put it on the dashboard, where the next morning's driver would see it, and thought nothing more of it until the next night, when an old man was waiting at the river stop with one bare hand in his pocket.

## The question

"You didn't see a glove?" he asked, before she had even opened the doors all the way. He said his wife had made it, forty winters ago, and that he had lost the other one in 1989 and had not forgiven himself yet.

Lena told him it was in the depot. He said he would wait. She told him the depot was closed. He said he was good at waiting.

## The morning

She drove to the depot on her day off, signed three forms and carried the red glove back to the river stop in a paper bag. He was there. He was always there, he said; it was the last stop before the river, and the river was where his wife had liked to walk.

He put the glove on slowly, the way you put on something that fits you exactly, and thanked her, and then he asked if she had ever lost anything she could not replace.

Lena thought about it for the whole route back.`,
};

export const stories: SeedStory[] = [
  {
    key: "welcome",
    tags: ["Community", "Writing"],
    author: "admin",
    community: "journal",
    title: "Welcome to Storyhouse",
    subtitle: "A few words about why we built this place, and what we hope you'll do with it.",
    daysAgo: 58,
    body: `## The drawer problem

Every writer we know has a drawer. Sometimes it is a real one, stuffed with notebooks whose spines have gone soft from being carried around and never opened. More often it is a folder on a laptop with a name like *drafts*, *misc*, or, in one case we will never forget, *absolutely not*. The drawer is where good writing goes to wait for a permission slip that never arrives.

We built Storyhouse to be that permission slip. Not a stage, exactly, and not a contest. Something closer to a front porch: a place where you can set a piece of writing down, let people wander by, and find out that the thing you were nervous about sharing is the thing someone else needed to read.

If you are reading this, you probably have a drawer too. We would love to see what is in it.

## How the house is organized

Storyhouse is divided into communities, each with its own character and a few light rules. You choose one when you publish, and readers can follow the ones they care about.

- **The Swamp** is for politics and civic life: city councils, ballot measures, the slow and often invisible machinery of how we govern ourselves. Argue hard, but argue in good faith.
- **Journal** is for personal essays. The small moments, the big turns, the things you only understood years later.
- **Lifehack** is for practical advice you have actually tested. Because we want these pieces to be genuinely useful, Lifehack asks for a subtitle and at least 300 words.
- **Fiction** is for short stories of any genre. Ghosts, heists, quiet kitchen-table dramas: all welcome.

Communities are not walls. A great essay about grief might also be a little bit about health insurance, and that is fine. Pick the home that fits best and trust readers to find it.

## What we mean by a good story

We get asked this a lot, usually by people who are worried they are not "real writers." Here is the honest answer: a good story is one where the writer clearly cares about something, and trusts the reader enough to show it to them.

That is it. You do not need a degree, a following, or a perfect first sentence. Some of the best pieces on this site so far were written on phones, on buses, in the twenty minutes between a shift ending and a kid waking up. If you want a little structure, here is what we tell friends who ask:

1. Start with one specific thing: a room, a conversation, a number that surprised you.
2. Say what you noticed before you say what it means.
3. Cut the first paragraph. It was probably you clearing your throat.
4. Read the whole thing out loud once before you publish.

None of those are rules. They are just the habits we see again and again in writing that lands.

## A few house rules

We keep the rules short because we would rather spend our time reading than moderating. But they matter.

**Be kind in the comments.** Disagree with an argument all you like; do not go after the person who made it. A good comment leaves the writer more willing to publish again, not less.

**Write your own work.** Quote generously, link to your sources, and credit the people whose ideas you are building on. Never pass off someone else's writing as yours.

**Respect privacy.** Personal essays often involve other people. Change names and details where you need to, and think twice before writing about someone who cannot answer back.

If something here ever feels wrong, tell us. A real person on our small team will read it, every time.

## Where to begin

If you are new, the best first step is to read. Wander through the communities, leave a comment on something that moved you, and follow a writer or two. You will get a feel for the place quickly.

When you are ready to write, start small. One scene. One argument. One thing you learned the hard way and wish someone had told you sooner. Take your time with it; there is no deadline here, and nobody is counting.

And when you do publish, we will be reading. There is no better part of our week than finding a new voice we did not know we were waiting for.

Welcome home. Pull up a chair.

*The Storyhouse Team*`,
  },
  {
    key: "zoning-meetings",
    tags: ["Local government", "Housing", "Civic life"],
    author: "maya",
    community: "the-swamp",
    title: "I Sat Through 212 Zoning Meetings. Here's What Nobody Tells You.",
    subtitle:
      "The decisions that shape your street are made on Tuesday nights, in folding chairs, in front of almost no one.",
    daysAgo: 9,
    body: `## The room is always half empty

The first zoning meeting I ever covered was in the basement of the old county annex, in a room that smelled like burnt coffee and carpet glue. There were forty folding chairs. Six of them were occupied: me, a developer's attorney, two neighbors who had come to complain about a fence, a retired engineer who I would later learn attended every single meeting, and a man who had wandered in looking for the DMV.

That night, the planning commission approved a rezoning that would put three hundred apartments on what had been a strip mall parking lot. It took eleven minutes. Nobody spoke against it, and nobody spoke for it, because nobody knew it was happening.

Over the next seven years I sat through 212 of those meetings: planning commissions, zoning boards of appeal, historic preservation panels, and the occasional joint session that ran past midnight. I came away with a bad back and a very good understanding of setback requirements. I also came away convinced of something that still surprises people when I say it out loud: **the most consequential government in your life meets on a Tuesday night, and almost no one goes.**

## Power hides in the consent agenda

If you take one thing from this piece, let it be this phrase: *consent agenda*.

Most local boards bundle routine business into a single item that gets approved with one vote and no discussion. Minutes from last month. Renewing the contract for the copier. A lot-line adjustment nobody cares about. It is an efficient way to clear the decks, and most of the time it is exactly what it looks like.

But the consent agenda is also where items go when someone would prefer they not be discussed. On my beat, I watched a bus route consolidation, a forty-year lease of public land, and a quiet change to the noise ordinance all pass on consent. None of these were scandals. Each was legal, posted in advance, and technically public. They were simply placed where no one would look.

Any member of the board can pull an item off the consent agenda for discussion, and in most towns they will do it if a resident asks. You just have to read the agenda, which is usually posted a few days ahead, and make a phone call.

## The people who show up win

Early on, I asked a longtime planning commissioner why the board had reversed itself on a drive-through restaurant after approving it the month before. She didn't hesitate.

> "Because last month, nobody came. This month, thirty people came. I'm not going to pretend that doesn't matter. We're volunteers. We read the packet, but we don't live on every street. When neighbors show up, they tell us things the packet doesn't."

I think about that answer constantly. It is both reassuring and a little alarming. Reassuring, because it means participation really works. Alarming, because it means the people who already have time, money, and a lawyer on retainer tend to get what they want by default.

The retired engineer I mentioned? His name was Walt, and over the course of a decade he got sidewalks built on four streets that didn't have them. He did it by showing up, being polite, and bringing printed photographs of kids walking in the road. I never once heard him raise his voice.

## What three minutes can do

Public comment at most meetings is limited to three minutes per person. That sounds like nothing. In practice, it is a remarkable amount of time if you use it well. The most effective speakers I saw did a few things consistently:

- They said their name and their street first, so the board knew they were a neighbor and not a professional objector.
- They talked about one specific, concrete thing: a blind corner, a flooded basement, a bus stop with no shelter.
- They asked for something achievable, like a traffic study, a condition on the permit, or a one-month delay.
- They thanked the board, even when they were angry. *Especially* when they were angry.

The least effective speakers tried to relitigate the entire history of the city in 180 seconds. I understand the impulse. But boards are made of people, and people listen best when you hand them a problem they can actually solve that night.

## Come on a Tuesday

I don't cover zoning anymore. These days I write about local government more broadly, and I spend less time in folding chairs. But I still go to my own neighborhood's planning meetings once a month or so, usually with a thermos and a paperback for the slow parts.

I'm not asking you to become Walt. Most people won't, and that's fine. I'm asking for something smaller: look up when your town's planning commission meets. Skim one agenda. If something on it touches your street, go, and sit in one of the empty chairs.

You may be the only resident in the room. That is exactly why it matters that you are there.`,
  },
  {
    key: "city-budget",
    tags: ["Local government", "Budgets"],
    author: "maya",
    community: "the-swamp",
    title: "Your City's Budget Is the Most Honest Thing It Publishes",
    subtitle: "Speeches tell you what a council hopes for. The budget tells you what it actually chose.",
    daysAgo: 31,
    body: `## Follow the money, literally

Politicians are very good at telling you what they value. They say it in campaign mailers, at ribbon cuttings, in the opening lines of every press release. *Libraries are the heart of our community. Public safety is our top priority. We are committed to affordable housing.*

Some of those statements are sincere. Some are aspirational. A few are just things people say. The only reliable way to tell the difference is to open the budget, because the budget is where a government stops describing its values and starts paying for them.

A former city manager once told me that a budget is "a list of promises with prices attached." I've never heard a better definition. Every line is a choice. Every choice means something else didn't get funded. And unlike almost everything else a city publishes, the budget has to add up.

## It's less scary than it looks

I know what you're picturing: a four-hundred-page PDF full of acronyms and fund codes, designed by someone who dislikes you personally. That's not entirely wrong. But you do not need to read the whole thing, any more than you need to read an entire dictionary to look up one word.

Most cities now publish a *budget in brief* or a *citizen's guide*, a summary of ten to thirty pages with charts and plain-language explanations. Start there. If your city doesn't have one, the full document almost always opens with a transmittal letter from the mayor or city manager summarizing the big changes. That letter is where the story is.

If you want a gentle on-ramp, the nonprofit guide [How to Read a Municipal Budget](https://example.org/guides/municipal-budget) walks through a sample city's numbers line by line. I've sent it to dozens of readers, and it's the best twenty minutes of civic education I know of.

## Four questions to ask any budget

When I open a budget for the first time, I ask the same four questions, in the same order:

1. **What are the three biggest spending categories?** In most cities it's public safety, public works, and personnel costs that cut across everything. Knowing the big pieces keeps the small fights in perspective.
2. **What grew the most since last year, and why?** Percent change is more revealing than totals. A department that grew 40 percent is a story, even if it's a small department.
3. **What got cut?** Look for lines that shrank or disappeared. Cuts rarely get press releases.
4. **Where is the money coming from?** Property taxes, sales taxes, fees, fines, grants. A city that leans heavily on parking fines and traffic tickets has very different incentives than one funded mostly by property taxes.

That's it. You can answer all four in an evening, and you'll understand your city better than some of the people who run for its council.

### The line item that changed my mind

A few years ago I was reading our city's parks budget, mostly out of habit, when I noticed that a line labeled "seasonal aquatics staff" had dropped to zero. No announcement, no agenda item, no discussion I could find. Just a number that used to be $180,000 and was now nothing at all.

It turned out that meant two of the city's three public pools wouldn't open that summer. Those pools were in the neighborhoods with the fewest backyards and the hottest streets. When I wrote about it, the council was genuinely surprised; several members hadn't caught it either. After a packed meeting in June, they found the money. Both pools opened by July.

I don't tell that story to suggest that budgets are full of villains. They usually aren't. They are full of tradeoffs made quickly, by tired people, under pressure. Which is exactly why they benefit from a few more eyes.

## Reading is a civic act

We tend to think of civic participation as loud: marching, voting, testifying, knocking on doors. Those things matter. But there is a quieter form of citizenship that is just as powerful, and it starts with reading the documents your government is already required to publish.

You don't need to become an expert. You need to be one more person who looked. Budgets are adopted every year, usually in late spring or early summer, and almost every city holds at least one public hearing before the vote. Find out when yours is. Open the summary. Ask your four questions.

Then, if something surprises you, say so: at the hearing, in an email to your council member, or right here. The numbers are public. The conversation should be too.`,
  },
  {
    key: "quiet-story",
    tags: ["Nursing", "Grief"],
    author: "priya",
    community: "journal",
    title: "What the Night Shift Taught Me About Silence",
    subtitle:
      "Eleven years as a hospice nurse, and some of my most important work has been saying nothing at all.",
    daysAgo: 17,
    body: `## Three in the morning has its own weather

There is a particular quality to a hospice at three in the morning. The hallway lights are dimmed to a color somewhere between honey and dust. The oxygen concentrators hum in different keys from different rooms, so that walking the corridor is a little like passing a choir that is warming up and never quite starts. Somebody's television is on with the sound off. Somebody's daughter is asleep in a recliner with her shoes still on.

I have worked nights for most of my eleven years as a nurse, and I have come to love those hours in a way that is hard to explain to people who keep normal schedules. At night the building stops performing. There are no meetings, no visiting hours, no carts of lunch trays. There is just the work, and the people, and a great deal of quiet.

It took me years to understand that the quiet was part of the work.

## The urge to fill the room

When I was new, silence terrified me. I had been trained to assess, to explain, to educate. I knew how to walk a family through a medication schedule and what to say when they asked how long. So when I sat with a patient who was awake in the middle of the night and didn't want to talk, I talked anyway. I narrated what I was doing. I asked about the photographs on the windowsill. I commented on the weather, which, at three a.m., is not much of a topic.

I thought I was being kind. Looking back, I think I was mostly managing my own discomfort. Dying people are often very tired, and company that requires a response is its own kind of labor. I was handing them one more thing to do.

An older nurse named Bernadette, who had been working nights since before I was born, watched me do this for about a month. Then one morning at shift change she said, not unkindly, "You know you're allowed to just sit there."

I laughed. She didn't.

## Mr. Delacroix and the crossword

The patient who finally taught me what she meant was a retired merchant sailor I'll call Mr. Delacroix. He was ninety-one, nearly deaf, and very clear that he did not want a chaplain, a volunteer, or a therapy dog. What he wanted, it turned out, was someone to sit beside him while he did the newspaper crossword, which his granddaughter brought in every afternoon and which he saved for the middle of the night.

He didn't want help with it. If I suggested an answer, he waved me off. He just wanted a person in the chair. So for most of a month, on the nights I worked, I would finish my rounds and then sit with him for twenty minutes, charting on my tablet while he filled in squares in a shaky, deliberate hand. Sometimes he would tap a clue and shake his head at how foolish it was. Sometimes he'd fall asleep with the pen still moving.

We exchanged maybe two hundred words in all that time. I have rarely felt closer to anyone.

On one of the last nights, he finished a puzzle, set it down on the blanket, and said, "Good. That's a good one." Then he looked over at me and said, "Thank you for not talking." I have thought about that sentence more than almost anything anyone has ever said to me.

## Silence is not the absence of care

I want to be careful here, because I don't mean that silence is always right. Some patients want to talk all night, and then you talk. Some want to tell you about the war, or their first marriage, or the recipe they never wrote down, and then your job is to listen as if nothing else in the world matters, because for that hour nothing does. Families almost always need explanation and reassurance, and they deserve it plainly and often.

But there is a kind of presence that doesn't ask for anything back. It is the presence of a person who is not in a hurry, who isn't waiting for their turn to speak, who is simply there. I have come to think it is one of the rarest things we can give each other, and one of the hardest to learn, because every instinct we have says that love should be audible.

*It doesn't have to be.* Sometimes love is a chair pulled up to the bed, a lamp left on low, and a person who stays.

## Bringing it home

I'm not very good at practicing this outside of work. At home I am the one who fills every pause, who answers the question before my partner finishes asking it, who turns on a podcast the second I'm alone in the car. Silence, it turns out, is easier to offer to strangers.

But I'm trying. When a friend calls with bad news, I let the quiet sit a beat longer before I rush in with a solution. When my nephew is sulking on the porch, I've started sitting down next to him instead of asking what's wrong. Usually, after a few minutes, he tells me anyway.

Bernadette retired last year. At her party, someone asked her to give a speech, and she stood up, looked around the room for a long moment, smiled, and sat back down. Everyone laughed. I cried a little. I think she meant it exactly the way I took it.`,
  },
  {
    key: "sunday-hour",
    tags: ["Cooking", "Meal prep", "Habits"],
    author: "tomas",
    community: "lifehack",
    title: "The Sunday Hour: Mise en Place for People Who Hate Meal Prep",
    subtitle:
      "Ten years on restaurant lines taught me that the cooking is the easy part. The prep is where weeknights are won or lost.",
    daysAgo: 4,
    body: `## What a line cook knows

For ten years I cooked on restaurant lines: a diner, two hotel kitchens, and a loud, wonderful taqueria where I learned to press tortillas faster than I could count them. The thing nobody tells you about professional kitchens is that dinner service, the part with the flames and the shouting, is the easy part. By the time the first ticket prints, the real work is already done.

That work is called *mise en place*, French for "everything in its place." Every onion diced, every sauce in a squeeze bottle, every garnish in its own little container, lined up in the exact order you'll need them. A cook with good mise can put out two hundred plates in a night. A cook without it is in trouble by the tenth.

When I left restaurants and started cooking for just my family, I assumed I'd leave all that behind. Instead I spent two years eating cereal for dinner on Wednesdays. Then I realized the problem wasn't the cooking. It was that I'd been starting every weeknight dinner from zero.

## Why most meal prep fails

The usual advice is to spend Sunday cooking five identical containers of chicken, rice, and broccoli. I tried it. By Thursday I was so sick of it that I ordered takeout and threw the last two containers away.

Here is the difference between meal prep and mise en place: meal prep makes **finished meals**. Mise makes **components**. Finished meals are rigid and get boring fast. Components are flexible. A tray of roasted vegetables can become tacos on Monday, a grain bowl on Tuesday, and a frittata on Thursday. You're not cooking dinner ahead of time. You're doing the tedious parts ahead of time, so that dinner takes fifteen minutes instead of forty-five.

## The hour, step by step

I set a timer for sixty minutes every Sunday afternoon. When it goes off, I stop, even if I'm not finished. Here's the order I work in, and the order matters:

1. **Turn the oven on first.** Heat it to 425°F before you do anything else, so it's ready when you are.
2. **Start the slowest thing.** Usually a pot of grains: rice, farro, or lentils. Get it going on the stove and let it be.
3. **Chop everything that's going in the oven.** Two sheet pans of whatever is cheap that week: sweet potatoes, broccoli, onions, cauliflower. Oil, salt, in they go.
4. **Make one sauce.** This is the secret weapon. A jar of something bright, like an herb sauce, a lemony tahini, or a quick salsa, turns plain components into an actual meal.
5. **Cook one protein.** A tray of chicken thighs, a pot of black beans, a dozen hard-boiled eggs. Just one.
6. **Wash as you go.** In a restaurant you clean your station constantly. At home, this means your hour ends with a clean kitchen, which is the difference between doing this again next week and never doing it again.
7. **Pack it up in clear containers.** If you can't see it, you won't eat it.

## Stock your station

You don't need special equipment, but a few things make the hour dramatically easier:

- Two rimmed sheet pans, the heavier the better
- One genuinely sharp chef's knife (a dull knife is slower *and* more dangerous)
- A big cutting board that doesn't slide; put a damp towel under it
- Clear, stackable containers with lids that actually match
- A few clean jars for sauces and quick-pickled onions

That's it. No gadgets, no special cookbook, no subscription box.

## The three-components rule

On a weeknight, every dinner I make is built from three things: **a base, a topping, and a sauce.** The base is whatever grain or starch I cooked on Sunday. The topping is roasted vegetables plus the protein. The sauce is the jar from step four.

Monday might be rice, roasted sweet potatoes, black beans, and salsa, wrapped in warm tortillas. Wednesday might be farro, the last of the broccoli, a fried egg, and herb sauce. The components repeat; the meals don't feel like they do. And when I'm tired, I don't have to make decisions. I just pick one of each and heat it up.

## When the week falls apart anyway

It will. Some Sundays there's a birthday party or a migraine or a day you simply don't want to. Skip it. The goal is not perfection; it's a default that works most of the time.

Even a half-hour version helps. If I only have thirty minutes, I make a grain and a sauce, and everything else can be eggs, canned beans, and whatever vegetables are about to go soft. A cook who is *mostly* prepped is still way ahead of one starting from zero.

The real payoff isn't the food. It's what happens on a Wednesday at six o'clock, when you open the fridge and instead of dread you feel something closer to relief. Everything is already in its place. All you have to do is cook.`,
  },
  {
    key: "commute-novel",
    tags: ["Writing", "Habits", "Transit"],
    author: "jaewon",
    community: "lifehack",
    title: "How I Wrote a Novel in 38-Minute Pieces",
    subtitle:
      "I never found time to write. I found a bus route, a cheap notebook, and four rules I almost never break.",
    daysAgo: 45,
    body: `## The myth of the free afternoon

For most of my twenties I believed I would write a novel as soon as I had time. I pictured it clearly: a long, empty afternoon, a window with good light, a cup of tea going cold beside a laptop. Whole chapters pouring out.

That afternoon never came. I work as a pharmacy technician, my shifts rotate, and the hours I have off mostly go to laundry, groceries, and recovering from standing up for nine hours. The free afternoon was a fantasy I used to avoid writing, because as long as I was waiting for it, I didn't have to start.

What I did have was a bus. The 44 takes thirty-eight minutes from the stop by my apartment to the stop by the pharmacy, and another thirty-eight back. I'd been spending that time scrolling my phone, the way everyone does. One night, sitting in the back with my forehead against the window, I did the math. Seventy-six minutes a day. Five days a week. More than six hours. That wasn't nothing. That was a part-time job.

## The rules

I started the next morning with a ninety-nine-cent composition notebook and a pen I'd taken from work. Over the next two years, through trial and a lot of error, I settled on four rules:

- **The notebook, not the phone.** My phone is where distraction lives. A paper notebook can't send me a notification. It also doesn't care if my handwriting is bad or my sentences are worse.
- **Write from the first stop.** No warming up, no rereading yesterday's pages. I sit down and the pen moves. If I have nothing, I describe someone on the bus until I do.
- **Stop mid-sentence when the bus stops.** More on this below. It's the most important rule.
- **Never count words on the bus.** Counting is for the weekend. The bus is for writing.

None of these rules are original. I collected them from interviews with writers, library books, and a long list of failed attempts. But together they turned a vague hope into a routine I could actually keep.

## Leave a loose thread

The best thing I ever learned about writing in short sessions is to end every session in the middle of something. Not the middle of a chapter. The middle of a *sentence*, if you can manage it.

It feels wrong. Every instinct says to finish the thought, wrap the scene, close the notebook on something tidy. But a tidy ending means that tomorrow you sit down in front of a blank page and have to decide what comes next, and deciding is the hardest part. If instead you stop at "She opened the drawer and found," you will spend the whole next day wondering what she found. By the time you sit down, you already know. The pen starts moving before you've finished uncapping it.

I've used this trick for three years now, and it has never once failed me. The bus pulls up to my stop, I finish a clause, and I leave the rest of the sentence hanging. The next morning, there it is, waiting for me.

## Track the streak, not the word count

On weekends I type up the week's pages. That's where I count words, and that's where I edit. But the number I actually pay attention to is simpler: how many days in a row I wrote something.

I keep a paper calendar taped inside the notebook's cover and mark an X for every commute I wrote on, even if it was three sentences. There's a printable version of the one I use at [example.org/streak-calendar](https://example.org/streak-calendar), though any calendar works. The point is to make the habit visible. After a couple of weeks, the chain of Xs becomes its own motivation. You don't want to break it.

Some days I write five hundred words. Some days I write forty. Both get an X. Over time, the forty-word days have mattered more than the good ones, because they're the days I would otherwise have quit.

## What 38 minutes adds up to

The first draft of my novel took twenty-two months and eleven notebooks. It came to about 84,000 words, most of which were not very good and all of which were written between my apartment and the pharmacy. The second draft took another year, mostly on weekends. I'm in the middle of the third now.

I won't pretend that writing on a bus is ideal. There are potholes. There are loud phone calls. Once a man spilled an entire iced coffee on page 212. But I've come to believe that ideal conditions are overrated. The writers I admire most aren't the ones with the best desks. They're the ones who figured out how to write where they already were.

So here is my only real advice: find your 38 minutes. Maybe it's a commute, a lunch break, the half hour after the kids go down. It's already there in your day. You just haven't been using it for this yet.`,
  },
  {
    key: "last-stop",
    tags: ["Short fiction", "Transit"],
    author: "jaewon",
    community: "fiction",
    title: "The Last Stop on the 44",
    subtitle:
      "A night bus driver, a passenger who never gets off, and the small rules that keep a city running after midnight.",
    daysAgo: 26,
    body: `## 11:52 p.m., Kessler Depot

Ruth Amankwah had been driving the last run of the 44 for nine years, and she had rules.

She did not ask passengers where they were going. She did not comment on what they were carrying, or wearing, or crying about. She did not play the radio, because the regulars liked the quiet, and she did not turn the interior lights all the way down, because the regulars also liked to be seen. She kept a box of tissues in the slot beside the fare machine and a spare phone charger in her coat, and she did not mention either unless someone needed them.

At 11:52 she pulled out of Kessler Depot with an empty bus and a thermos of rooibos, and turned left onto Canal.

## Harbor Street

The man got on at Harbor Street at 12:19, the way he had every weeknight for three weeks.

He was somewhere past seventy, tall and a little stooped, in a good wool coat that had been good for a long time. He tapped his pass, nodded to her, and took seat nine, the sideways one right behind the driver, which most people avoided because it faced the aisle. He took a paperback from his coat pocket, opened it to a page marked with an old bus transfer, and read.

He did not get off at Mercer, or at the hospital, or at the big transfer center on Fifth, where nearly everyone got off. He rode all the way to the end of the line at Kessler Loop, where Ruth had her six-minute layover. He stayed in his seat while she stretched her legs on the curb. Then he rode all the way back, and got off at Harbor Street at 1:47, exactly where he'd gotten on.

She had seen this before. Night buses collect people who have nowhere to be, or who can't stand to be where they are. Usually it was young men with nowhere to sleep, or nurses too wired from a shift to go home yet. It was not usually someone with a wool coat and a pass that had been paid for.

Ruth had rules. She did not ask.

## The third Thursday

On the third Thursday it rained hard enough that nobody else got on at all. At the Kessler Loop layover she didn't get out. She poured tea into the thermos cap, turned half around in her seat, and held it out toward seat nine.

He looked at it for a moment, then closed his book on the transfer and took it.

"Rooibos," she said. "No caffeine. I'm not trying to keep you up."

"I'm up regardless," he said. His voice was lower than she'd expected, with an accent sanded down over decades. "Thank you."

They sat for a while with the rain going sideways against the windows. Then, because she had already broken one rule and it seemed a shame to waste the momentum, she said, "You don't have to tell me. But you ride the whole line."

He turned the cap in his hands. "My wife snored," he said. "Forty-six years. Like a diesel engine. I used to complain about it." He smiled down at the tea. "She died in March. Now the apartment is so quiet I can hear the refrigerator deciding things. I can't sleep in it."

Ruth said nothing, which was the right thing.

"This bus," he said, and lifted a hand toward the ceiling, the rattling windows, the long low hum of the engine under the floor. "It sounds like somebody breathing."

## Seat nine

After that, she saved seat nine. It wasn't hard; nobody wanted it anyway. But on the nights when someone was already sitting there when he boarded, she found she was irritated on his behalf, and she'd catch his eye in the mirror and roll hers, and he would smile and take seat ten.

His name was Emil. He had been a piano tuner, which explained the way he listened to the bus. With his eyes closed, he could tell her which bus in the fleet he was riding by the note the engine held at idle. The 2214 was a flat B. The 2230 was "somewhere unfortunate between G and G-sharp." She started listening too, and found that she could hear it.

He was reading *The Count of Monte Cristo*, very slowly, because he kept falling asleep somewhere around the hospital. She told him it would take him a year at that rate. He said that was rather the point.

## 1:31 a.m., Mercer Avenue

In late May, on a warm night with the windows cracked, he stood up at Mercer Avenue, four stops before Harbor Street. He had never once stood up at Mercer.

"I'm going to try walking home from here," he said, one hand on the pole beside her. "It's a nice night. I thought I might be tired enough by the time I get there."

"Might be," Ruth said.

"If it doesn't work, I'll be back tomorrow."

"Seat nine'll be here."

He stepped down, and she watched him in the side mirror as she pulled away: a tall figure under a streetlight, walking slowly, looking up at the trees.

## 5:40 a.m., Kessler Depot

He didn't come back the next night, or the one after that. She told herself that was good news.

On Monday, doing her end-of-shift walk-through at the depot, she found the paperback wedged into the corner of seat nine. The transfer was still in it, marking the last page. Tucked inside the cover was a note in careful, old-fashioned handwriting:

*Finished. Slept six hours Saturday. For the next one who can't sleep. E.*

Ruth stood in the empty bus for a minute while the engine ticked as it cooled. Then she slid the book into the rack behind the driver's seat, next to the tissues and the spare charger, where someone who needed it would find it.`,
  },
];

export const comments: SeedComment[] = [
  {
    story: "welcome",
    author: "priya",
    body: "Laughed out loud at the drawer. Mine is a folder called *later*, which tells you everything you need to know.",
    minutesAfterPublish: 45,
  },
  {
    story: "welcome",
    author: "tomas",
    body: "Signed up on a slow Monday and already have three drafts going. Thank you for the permission slip.",
    minutesAfterPublish: 180,
  },
  {
    story: "zoning-meetings",
    author: "jaewon",
    body: "The consent agenda section should be required reading. I had no idea that's where bus route changes get approved, and I ride the bus every single day.",
    minutesAfterPublish: 90,
  },
  {
    story: "zoning-meetings",
    author: "tomas",
    body: "Went to my first planning commission meeting after reading this. Eleven people in the room and four of them were staff. You were *not* exaggerating.",
    minutesAfterPublish: 2880,
  },
  {
    story: "city-budget",
    author: "priya",
    body: "Our county posts its budget as a 600-page scanned PDF, but I used your four questions anyway and found the line for school nurses in about ten minutes. Also seconding the [municipal budget guide](https://example.org/guides/municipal-budget); it made the fund codes make sense.",
    minutesAfterPublish: 600,
  },
  {
    story: "sunday-hour",
    author: "maya",
    body: "The three-components rule has rescued my weeknights. Tonight was rice, roasted chickpeas, and a jar of green sauce: *dinner in six minutes*.",
    minutesAfterPublish: 240,
  },
  {
    story: "sunday-hour",
    author: "jaewon",
    body: "Washing as you go is the real secret here. My kitchen has never looked this calm on a Monday.",
    minutesAfterPublish: 1440,
  },
  {
    story: "commute-novel",
    author: "tomas",
    body: "\"Leave a loose thread\" is the best writing advice I've read this year. I've started doing it with recipe testing, of all things, and it works there too.",
    minutesAfterPublish: 360,
  },
  {
    story: "last-stop",
    author: "maya",
    body: "Seat nine. I'm going to be thinking about seat nine all week.",
    minutesAfterPublish: 60,
  },
  {
    story: "last-stop",
    author: "priya",
    body: "This one got me at the note. Night people recognize each other, and you captured that exactly.",
    minutesAfterPublish: 300,
  },
];
