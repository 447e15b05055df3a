-- Whether a creditor lets its debtors listen to their own calls in the portal (阳光催收); off unless it says so.
ALTER TABLE creditor ADD COLUMN debtors_hear_calls boolean NOT NULL DEFAULT false;
