-- Issue 18: the scorecard's revenue sub-factor compares revenue per employee with the reference's
-- 30 million roubles per employee (it compared revenue per engineer with it); its weight carries over.
UPDATE score_weights SET factor = 'REVENUE_PER_EMPLOYEE' WHERE factor = 'REVENUE_PER_ENGINEER';
