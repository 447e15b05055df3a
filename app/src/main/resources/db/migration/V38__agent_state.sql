-- Collectors on the call floor: each one's extension on the tenant's registrar and state now, and every change of
-- state (append-only) for time-in-state and occupancy. PAUSED always carries its reason; OFFLINE may (the phone
-- stopped answering the registrar's probe).
CREATE TABLE agent_state (
    tenant_id  uuid        NOT NULL,
    username   text        NOT NULL,
    extension  text        NOT NULL CHECK (extension ~ '^[0-9A-Za-z._+-]{1,32}$'),
    state      text        NOT NULL CHECK (state IN ('READY', 'ON_CALL', 'WRAP_UP', 'PAUSED', 'OFFLINE')),
    reason     text        CHECK (reason IN ('BREAK', 'MEAL', 'TRAINING', 'MEETING', 'COACHING', 'ADMIN',
                                             'TECHNICAL', 'PHONE_UNREACHABLE')),
    since      timestamptz NOT NULL,
    checked_at timestamptz,
    PRIMARY KEY (tenant_id, username),
    UNIQUE (tenant_id, extension),
    CHECK (state <> 'PAUSED' OR reason IS NOT NULL AND reason <> 'PHONE_UNREACHABLE'),
    CHECK (state IN ('PAUSED', 'OFFLINE') OR reason IS NULL)
);

CREATE TABLE agent_state_change (
    tenant_id uuid        NOT NULL,
    username  text        NOT NULL,
    at        timestamptz NOT NULL,
    seq       bigint      GENERATED ALWAYS AS IDENTITY,
    state     text        NOT NULL CHECK (state IN ('READY', 'ON_CALL', 'WRAP_UP', 'PAUSED', 'OFFLINE')),
    reason    text,
    by_user   text        NOT NULL,
    PRIMARY KEY (tenant_id, username, at, seq)
);

SELECT candor_isolate('agent_state'::regclass);
SELECT candor_isolate('agent_state_change'::regclass);
GRANT SELECT, INSERT, UPDATE ON agent_state TO ${appRole};
GRANT SELECT, INSERT ON agent_state_change TO ${appRole};
CREATE TRIGGER agent_state_change_append_only BEFORE UPDATE OR DELETE ON agent_state_change
    FOR EACH ROW EXECUTE FUNCTION candor_append_only();
