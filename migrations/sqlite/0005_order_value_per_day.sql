-- Written by hand from drizzle-kit's output: drizzle-kit rebuilt the orders table (and copied
-- the new column from the old one), but the migrator runs in a transaction where
-- "PRAGMA foreign_keys=OFF" has no effect, so DROP TABLE orders fails once bids reference it.
-- A column with a constant default can simply be added.
ALTER TABLE `orders` ADD `value_per_day_minor` integer DEFAULT 0 NOT NULL CHECK (`value_per_day_minor` >= 0);
