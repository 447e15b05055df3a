-- Speech in on a tenant's AI calls: which recogniser hears which of its debtors' languages. LOCAL is this machine's
-- (English); CLOUD a cloud recogniser's real-time transcription (gateway, app key, and its access token sealed with the
-- field cipher). No row: calls are answered by keys alone.
CREATE TABLE speech_in (
    tenant_id  uuid        NOT NULL,
    recognizer text        NOT NULL CHECK (recognizer IN ('LOCAL', 'CLOUD')),
    languages  text[]      NOT NULL CHECK (cardinality(languages) > 0),
    gateway    text        CHECK (gateway ~ '^wss?://'),
    app_key    text,
    token_enc  bytea,
    updated_by text        NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id),
    CHECK (recognizer = 'LOCAL' OR gateway IS NOT NULL AND app_key IS NOT NULL)
);

SELECT candor_isolate('speech_in'::regclass);
GRANT SELECT, INSERT, UPDATE, DELETE ON speech_in TO ${appRole};
