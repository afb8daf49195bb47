-- DropIndex
DROP INDEX "StoryTag_tagId_idx";

-- AlterTable
ALTER TABLE "StoryTag" ADD COLUMN     "publishedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "StoryTag_tagId_publishedAt_storyId_idx" ON "StoryTag"("tagId", "publishedAt" DESC, "storyId");

-- StoryTag."publishedAt" follows its story: the story's publishedAt while it is PUBLISHED, else
-- null. Two triggers keep it, so no code path that publishes, unpublishes, removes, restores or
-- retags a story can forget it. (The function bodies write each semicolon as \073: the migration
-- runner splits scripts at every semicolon, even inside a quoted body.)
CREATE FUNCTION "storytag_published_at_from_story"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  SELECT CASE WHEN s.status = ''PUBLISHED'' THEN s."publishedAt" END INTO NEW."publishedAt" FROM "Story" s WHERE s.id = NEW."storyId"\073
  RETURN NEW\073
END';

CREATE TRIGGER "StoryTag_publishedAt_on_insert" BEFORE INSERT OR UPDATE OF "storyId" ON "StoryTag"
  FOR EACH ROW EXECUTE FUNCTION "storytag_published_at_from_story"();

CREATE FUNCTION "story_tags_follow_published_at"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "StoryTag" SET "publishedAt" = CASE WHEN NEW.status = ''PUBLISHED'' THEN NEW."publishedAt" END WHERE "storyId" = NEW.id\073
  RETURN NULL\073
END';

CREATE TRIGGER "Story_tags_follow_published_at" AFTER UPDATE OF status, "publishedAt" ON "Story"
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD."publishedAt" IS DISTINCT FROM NEW."publishedAt")
  EXECUTE FUNCTION "story_tags_follow_published_at"();

-- The rows already there.
UPDATE "StoryTag" st SET "publishedAt" = s."publishedAt" FROM "Story" s WHERE s.id = st."storyId" AND s.status = 'PUBLISHED';
