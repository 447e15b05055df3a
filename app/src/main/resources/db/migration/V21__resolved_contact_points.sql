-- The gate resolves every contact to one of the account's own contact points (issue 17): decisions and contact
-- events name the point by id beside its normalised value, so an opt-out or consent is found whatever the spelling.
ALTER TABLE contact_decision ADD COLUMN contact_point_id uuid;
ALTER TABLE contact_event ADD COLUMN contact_point_id uuid;
