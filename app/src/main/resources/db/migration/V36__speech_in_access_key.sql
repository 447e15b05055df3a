-- A CLOUD recogniser may be given the tenant's AccessKey pair instead of a fixed token: Candor then makes tokens
-- (and new ones before they expire) at the service's token endpoint in the region. The sealed secret is the fixed
-- token without an AccessKey id, the AccessKey secret with one.
ALTER TABLE speech_in RENAME COLUMN token_enc TO secret_enc;
ALTER TABLE speech_in ADD COLUMN access_key_id text;
ALTER TABLE speech_in ADD COLUMN region text CHECK (region ~ '^[a-z]+-[a-z0-9-]+$');
ALTER TABLE speech_in ADD COLUMN token_service text CHECK (token_service ~ '^https?://');
