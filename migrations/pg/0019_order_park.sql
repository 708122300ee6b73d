DROP INDEX "orders_created_figures_idx";--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "park_id" bigint;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "orders_park_created_figures_idx" ON "orders" USING btree ("park_id","created_at","first_contract_at","bid_count","quoted_bid_count");--> statement-breakpoint
-- Every order's park: its company's.
UPDATE orders SET park_id = (SELECT companies.park_id FROM companies WHERE companies.id = orders.company_id);
