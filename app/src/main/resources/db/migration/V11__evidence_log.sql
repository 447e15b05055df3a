-- The evidence log: one append-only RFC 9162 Merkle tree per tenant. Records wait in evidence_pending (written
-- in the transaction of the action they prove), are sequenced into evidence_entry in order, and the tree's
-- hashes are kept in tiles of 256 hashes (level L holds the nodes at height 8L). Checkpoints are signed notes.
CREATE SEQUENCE evidence_pending_seq;
GRANT USAGE ON SEQUENCE evidence_pending_seq TO ${appRole};

CREATE TABLE evidence_pending (
    tenant_id uuid        NOT NULL,
    seq       bigint      NOT NULL DEFAULT nextval('evidence_pending_seq'),
    type      text        NOT NULL,
    at        timestamptz NOT NULL,
    subject   bytea       NOT NULL,
    entry     bytea       NOT NULL,
    PRIMARY KEY (tenant_id, seq)
);

CREATE TABLE evidence_entry (
    tenant_id uuid        NOT NULL,
    idx       bigint      NOT NULL CHECK (idx >= 0),
    seq       bigint      NOT NULL,
    type      text        NOT NULL,
    at        timestamptz NOT NULL,
    subject   bytea       NOT NULL,
    entry     bytea       NOT NULL,
    PRIMARY KEY (tenant_id, idx)
);
CREATE UNIQUE INDEX evidence_entry_seq ON evidence_entry (tenant_id, seq);
CREATE INDEX evidence_entry_subject ON evidence_entry (tenant_id, subject, idx);
CREATE TRIGGER evidence_entry_append_only BEFORE UPDATE OR DELETE ON evidence_entry
    FOR EACH ROW EXECUTE FUNCTION candor_append_only();

CREATE TABLE evidence_tile (
    tenant_id uuid     NOT NULL,
    level     smallint NOT NULL CHECK (level >= 0),
    idx       bigint   NOT NULL CHECK (idx >= 0),
    hashes    bytea    NOT NULL CHECK (length(hashes) % 32 = 0 AND length(hashes) BETWEEN 32 AND 8192),
    PRIMARY KEY (tenant_id, level, idx)
);

CREATE TABLE evidence_checkpoint (
    tenant_id uuid        NOT NULL,
    size      bigint      NOT NULL CHECK (size > 0),
    root      bytea       NOT NULL,
    note      text        NOT NULL,
    issued_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, size)
);
CREATE TRIGGER evidence_checkpoint_append_only BEFORE UPDATE OR DELETE ON evidence_checkpoint
    FOR EACH ROW EXECUTE FUNCTION candor_append_only();

-- What the background self-audit found; a fork or a tampered entry raises an alarm here.
CREATE TABLE evidence_audit (
    tenant_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    at          timestamptz NOT NULL,
    size        bigint      NOT NULL,
    ok          boolean     NOT NULL,
    problems    text[]      NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['evidence_pending', 'evidence_entry', 'evidence_tile', 'evidence_checkpoint',
                             'evidence_audit'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = candor_current_tenant()) '
                       'WITH CHECK (tenant_id = candor_current_tenant())', t);
    END LOOP;
END
$$;
GRANT SELECT, INSERT, DELETE ON evidence_pending TO ${appRole};
GRANT SELECT, INSERT ON evidence_entry, evidence_checkpoint, evidence_audit TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON evidence_tile TO ${appRole};
