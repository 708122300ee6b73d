CREATE INDEX "orders_status_quantity_idx" ON "orders" USING btree ("status","quantity","id");--> statement-breakpoint
CREATE INDEX "orders_status_id_idx" ON "orders" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "bids_company_status_idx" ON "bids" USING btree ("company_id","status","id");--> statement-breakpoint
CREATE INDEX "deliveries_customer_decided_idx" ON "deliveries" USING btree ("customer_company_id","decided_on");