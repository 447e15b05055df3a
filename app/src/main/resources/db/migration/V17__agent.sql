-- The AI collection agent's conversations and every turn of them (what the debtor said, what the agent read and
-- answered, what it did). Turns are append-only; the evidence log holds their text too.

CREATE TABLE agent_conversation (
    tenant_id     uuid        NOT NULL,
    id            uuid        NOT NULL,
    account_id    uuid        NOT NULL,
    channel       text        NOT NULL CHECK (channel IN ('CHAT', 'SMS', 'VOICE')),
    locale        text        NOT NULL,
    state         text        NOT NULL CHECK (state IN ('VERIFYING', 'VERIFIED', 'HANDED_OVER', 'ENDED')),
    failed_checks integer     NOT NULL DEFAULT 0,
    refusals      integer     NOT NULL DEFAULT 0,
    pending       text,
    callback_at   timestamptz,
    started_by    text        NOT NULL,
    started_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id)
);

CREATE TABLE agent_turn (
    tenant_id       uuid        NOT NULL,
    conversation_id uuid        NOT NULL,
    seq             integer     NOT NULL,
    debtor_text     text,
    intent          text,
    emotion         text,
    reply           text        NOT NULL,
    actions         text[]      NOT NULL DEFAULT '{}',
    at              timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, conversation_id, seq),
    FOREIGN KEY (tenant_id, conversation_id) REFERENCES agent_conversation (tenant_id, id)
);
CREATE TRIGGER agent_turn_append_only BEFORE UPDATE OR DELETE ON agent_turn
    FOR EACH ROW EXECUTE FUNCTION candor_append_only();

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['agent_conversation', 'agent_turn'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = candor_current_tenant()) '
                       'WITH CHECK (tenant_id = candor_current_tenant())', t);
    END LOOP;
END
$$;
GRANT SELECT, INSERT, UPDATE ON agent_conversation TO ${appRole};
GRANT SELECT, INSERT ON agent_turn TO ${appRole};
