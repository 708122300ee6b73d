ALTER TABLE `orders` ADD `bid_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `quoted_bid_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `first_contract_at` integer;--> statement-breakpoint
-- The figures of the orders there are, as the bid and contract inserts keep them from now on.
UPDATE orders SET
  bid_count = (SELECT count(*) FROM bids WHERE bids.order_id = orders.id),
  quoted_bid_count = (SELECT count(*) FROM bids WHERE bids.order_id = orders.id AND bids.source <> 'SUBMITTED'),
  first_contract_at = (SELECT min(contracts.created_at) FROM contracts WHERE contracts.order_id = orders.id);
--> statement-breakpoint
CREATE INDEX `orders_created_figures_idx` ON `orders` (`created_at`,`company_id`,`first_contract_at`,`bid_count`,`quoted_bid_count`);