-- The contact gate: holds on accounts, every gate decision with its trace, and contact events (a reservation
-- made by an ALLOW, then the outcome of the contact).

CREATE TABLE account_hold (
    tenant_id  uuid        NOT NULL,
    id         uuid        NOT NULL,
    account_id uuid        NOT NULL,
    hold       text        NOT NULL CHECK (hold IN ('DISPUTE', 'CEASE_COMMUNICATION', 'BANKRUPTCY', 'DECEASED',
                                                   'COMPLAINT_OPEN', 'HARDSHIP_PAUSE', 'ATTORNEY_REPRESENTED',
                                                   'BREATHING_SPACE')),
    reason     text        NOT NULL,
    set_by     text        NOT NULL,
    set_at     timestamptz NOT NULL,
    until      date,
    lifted_by  text,
    lifted_at  timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id)
);
CREATE INDEX account_hold_account ON account_hold (tenant_id, account_id);

CREATE TABLE contact_decision (
    tenant_id       uuid        NOT NULL,
    id              uuid        NOT NULL,
    account_id      uuid        NOT NULL,
    channel         text        NOT NULL,
    party           text        NOT NULL,
    contact_point   text,
    proposed_at     timestamptz NOT NULL,
    decision        text        NOT NULL CHECK (decision IN ('ALLOW', 'DENY')),
    rules           text[]      NOT NULL,
    next_allowed_at timestamptz,
    trace           jsonb       NOT NULL,
    decided_by      text        NOT NULL,
    decided_at      timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id)
);
CREATE TRIGGER contact_decision_append_only BEFORE UPDATE OR DELETE ON contact_decision
    FOR EACH ROW EXECUTE FUNCTION candor_append_only();

CREATE TABLE contact_event (
    tenant_id      uuid        NOT NULL,
    id             uuid        NOT NULL,
    account_id     uuid        NOT NULL,
    debtor_id      uuid        NOT NULL,
    decision_id    uuid        NOT NULL,
    channel        text        NOT NULL,
    party          text        NOT NULL,
    contact_point  text,
    at             timestamptz NOT NULL,
    reserved_until timestamptz,
    outcome        text CHECK (outcome IN ('NO_ANSWER', 'BUSY', 'VOICEMAIL', 'RIGHT_PARTY_CONTACT', 'WRONG_PARTY',
                                           'THIRD_PARTY_CONTACT', 'DELIVERED', 'FAILED')),
    recorded_at    timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id),
    FOREIGN KEY (tenant_id, decision_id) REFERENCES contact_decision (tenant_id, id)
);
CREATE INDEX contact_event_debtor ON contact_event (tenant_id, debtor_id, at);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['account_hold', 'contact_decision', 'contact_event'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = candor_current_tenant()) '
                       'WITH CHECK (tenant_id = candor_current_tenant())', t);
    END LOOP;
END
$$;
GRANT SELECT, INSERT, UPDATE ON account_hold, contact_event TO ${appRole};
GRANT SELECT, INSERT ON contact_decision TO ${appRole};
