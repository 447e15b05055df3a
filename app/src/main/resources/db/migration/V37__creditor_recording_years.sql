-- How many years a creditor keeps its calls' recordings when that is longer than its debtors' jurisdictions require
-- (NULL: the law's minimum, or the tenant's trunk setting if longer).
ALTER TABLE creditor ADD COLUMN keep_recordings_years integer CHECK (keep_recordings_years BETWEEN 0 AND 30);
