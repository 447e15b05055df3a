-- The audit trail: who did or read what, when, for which purpose. Append-only for everyone.

CREATE TABLE audit_event (
    tenant_id     uuid        NOT NULL,
    id            uuid        NOT NULL,
    at            timestamptz NOT NULL,
    actor_id      uuid,
    actor         text        NOT NULL,
    action        text        NOT NULL,
    resource_type text        NOT NULL,
    resource_id   text,
    purpose       text,
    detail        jsonb       NOT NULL DEFAULT '{}',
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX audit_event_resource ON audit_event (tenant_id, resource_type, resource_id);

ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_event FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_event
    USING (tenant_id = candor_current_tenant()) WITH CHECK (tenant_id = candor_current_tenant());
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION candor_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION candor_append_only();
GRANT SELECT, INSERT ON audit_event TO ${appRole};

-- Idempotency-Key records: the first response to a key is stored and replayed for retries.
CREATE TABLE idempotency_record (
    tenant_id    uuid        NOT NULL,
    principal    text        NOT NULL,
    key          text        NOT NULL,
    request_hash bytea       NOT NULL,
    status       integer,
    content_type text,
    body         bytea,
    created_at   timestamptz NOT NULL,
    completed_at timestamptz,
    PRIMARY KEY (tenant_id, principal, key)
);
ALTER TABLE idempotency_record ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_record FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON idempotency_record
    USING (tenant_id = candor_current_tenant()) WITH CHECK (tenant_id = candor_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_record TO ${appRole};
