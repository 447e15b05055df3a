-- Contact channels: a template has a text per language (each versioned on its own); per-tenant provider settings
-- (secrets sealed by the application); every outbound message with its idempotency key, the gate decision it was
-- sent under, and its delivery status.

ALTER TABLE message_template DROP CONSTRAINT message_template_pkey;
ALTER TABLE message_template ADD PRIMARY KEY (tenant_id, code, locale, version);

CREATE TABLE channel_provider (
    tenant_id  uuid        NOT NULL,
    channel    text        NOT NULL,
    settings   jsonb       NOT NULL,
    secret_enc bytea,
    updated_by text        NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, channel)
);

CREATE TABLE outbound_message (
    tenant_id        uuid        NOT NULL,
    id               uuid        NOT NULL,
    idempotency_key  text        NOT NULL,
    account_id       uuid        NOT NULL,
    channel          text        NOT NULL,
    template_code    text        NOT NULL,
    template_version integer,
    locale           text,
    decision_id      uuid,
    contact_event_id uuid,
    status           text        NOT NULL CHECK (status IN ('REFUSED', 'FAILED', 'SENDING', 'SENT', 'DELIVERED')),
    detail           text,
    provider_id      text,
    content_sha256   bytea,
    requested_by     text        NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, idempotency_key),
    FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id)
);
CREATE INDEX outbound_message_account ON outbound_message (tenant_id, account_id, created_at);
CREATE INDEX outbound_message_provider ON outbound_message (tenant_id, channel, provider_id);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['channel_provider', 'outbound_message'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = candor_current_tenant()) '
                       'WITH CHECK (tenant_id = candor_current_tenant())', t);
    END LOOP;
END
$$;
GRANT SELECT, INSERT, UPDATE ON channel_provider, outbound_message TO ${appRole};
