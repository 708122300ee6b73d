CREATE TABLE "engineer_skills" (
	"engineer_id" bigint NOT NULL,
	"capability_id" bigint NOT NULL,
	CONSTRAINT "engineer_skills_engineer_id_capability_id_pk" PRIMARY KEY("engineer_id","capability_id")
);
--> statement-breakpoint
ALTER TABLE "engineer_skills" ADD CONSTRAINT "engineer_skills_engineer_id_engineers_id_fk" FOREIGN KEY ("engineer_id") REFERENCES "public"."engineers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engineer_skills" ADD CONSTRAINT "engineer_skills_capability_id_capabilities_id_fk" FOREIGN KEY ("capability_id") REFERENCES "public"."capabilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "engineer_skills_capability_idx" ON "engineer_skills" USING btree ("capability_id","engineer_id");--> statement-breakpoint
-- Existing engineers hold every capability their company offers (or offered): the capacity
-- each offer had before skills existed, the company's whole staff, is kept.
INSERT INTO "engineer_skills" ("engineer_id", "capability_id")
SELECT DISTINCT e."id", o."capability_id" FROM "engineers" e JOIN "capability_offers" o ON o."company_id" = e."company_id";
