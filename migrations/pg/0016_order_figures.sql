ALTER TABLE "orders" ADD COLUMN "bid_count" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "quoted_bid_count" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "first_contract_at" timestamp (3) with time zone;--> statement-breakpoint
-- The figures of the orders there are, as the bid and contract inserts keep them from now on.
UPDATE orders SET
  bid_count = (SELECT count(*) FROM bids WHERE bids.order_id = orders.id),
  quoted_bid_count = (SELECT count(*) FROM bids WHERE bids.order_id = orders.id AND bids.source <> 'SUBMITTED'),
  first_contract_at = (SELECT min(contracts.created_at) FROM contracts WHERE contracts.order_id = orders.id);
--> statement-breakpoint
CREATE INDEX "orders_created_figures_idx" ON "orders" USING btree ("created_at","company_id","first_contract_at","bid_count","quoted_bid_count");