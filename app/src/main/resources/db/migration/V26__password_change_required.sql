-- A user whose password someone else chose (the platform operator's generated one) must choose a new one first.
ALTER TABLE app_user ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
