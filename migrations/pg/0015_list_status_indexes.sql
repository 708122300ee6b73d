CREATE INDEX "orders_company_status_idx" ON "orders" USING btree ("company_id","status","id");--> statement-breakpoint
CREATE INDEX "orders_status_capability_needed_idx" ON "orders" USING btree ("status","capability_id","needed_by","id");--> statement-breakpoint
CREATE INDEX "contracts_company_status_idx" ON "contracts" USING btree ("company_id","status","id");--> statement-breakpoint
CREATE INDEX "contracts_customer_status_idx" ON "contracts" USING btree ("customer_company_id","status","id");