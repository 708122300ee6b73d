ALTER TABLE "bids" ADD COLUMN "source" text DEFAULT 'SUBMITTED' NOT NULL;--> statement-breakpoint
-- Bids the platform placed when a customer awarded an instant quote say so in their first revision.
UPDATE "bids" SET "source" = 'AWARDED_QUOTE' WHERE "id" IN (SELECT "bid_id" FROM "bid_revisions" WHERE "revision" = 1 AND "actor_name" LIKE 'platform:%');
