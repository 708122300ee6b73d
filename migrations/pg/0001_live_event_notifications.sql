-- Live events (src/db/postgres.ts, watch): every committed event and every revoked API token is
-- announced to the API processes that LISTEN, with its id as the payload. NOTIFY is delivered at
-- commit, in commit order, and never for a rolled-back transaction; event ids are allocated
-- before commit, so they may commit out of order: the listeners read the ids they are told of
-- instead of "every id after the last one seen".
CREATE FUNCTION "market_notify_event"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('market_events', NEW."id"::text);
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "events_notify" AFTER INSERT ON "events" FOR EACH ROW EXECUTE FUNCTION "market_notify_event"();
--> statement-breakpoint
CREATE FUNCTION "market_notify_token_revoked"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('market_tokens', NEW."id"::text);
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "api_tokens_notify_revoked" AFTER UPDATE OF "revoked_at" ON "api_tokens" FOR EACH ROW WHEN (NEW."revoked_at" IS NOT NULL AND OLD."revoked_at" IS NULL) EXECUTE FUNCTION "market_notify_token_revoked"();
