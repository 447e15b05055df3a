-- The strategy engine: approved message templates (steps name them), strategy versions, signals other modules
-- raise about accounts, where each account is on its path, champion/challenger assignments, planning runs (split
-- into partitions that instances claim), the day's contact plan, collector teams and work queues.

CREATE TABLE message_template (
    tenant_id    uuid        NOT NULL,
    code         text        NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
    version      integer     NOT NULL CHECK (version > 0),
    channel      text        NOT NULL,
    locale       text        NOT NULL,
    jurisdiction text        NOT NULL,
    purpose      text,
    body         text        NOT NULL,
    approved_by  text        NOT NULL,
    approved_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, code, version)
);
CREATE TRIGGER message_template_append_only BEFORE UPDATE OR DELETE ON message_template
    FOR EACH ROW EXECUTE FUNCTION candor_append_only();

CREATE TABLE strategy_version (
    tenant_id      uuid        NOT NULL,
    name           text        NOT NULL,
    version        integer     NOT NULL CHECK (version > 0),
    effective_from date        NOT NULL,
    reason         text        NOT NULL,
    definition     text        NOT NULL,
    sha256         bytea       NOT NULL,
    warnings       jsonb       NOT NULL,
    created_by     text        NOT NULL,
    created_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, name, version)
);
CREATE TRIGGER strategy_version_append_only BEFORE UPDATE OR DELETE ON strategy_version
    FOR EACH ROW EXECUTE FUNCTION candor_append_only();

CREATE TABLE account_signal (
    tenant_id  uuid        NOT NULL,
    account_id uuid        NOT NULL,
    signal     text        NOT NULL CHECK (signal IN ('ARRANGEMENT_ACTIVE', 'ARRANGEMENT_BROKEN', 'NEGATIVE_EMOTION',
                                                      'VULNERABLE', 'ESCALATED')),
    count      integer     NOT NULL DEFAULT 1,
    source     text        NOT NULL,
    since      timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, account_id, signal),
    FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id)
);

CREATE TABLE account_path (
    tenant_id  uuid    NOT NULL,
    account_id uuid    NOT NULL,
    strategy   text    NOT NULL,
    version    integer NOT NULL,
    variant    text    NOT NULL,
    segment    text    NOT NULL,
    path       text    NOT NULL,
    tier       integer NOT NULL,
    entered_on date    NOT NULL,
    planned_on date    NOT NULL,
    PRIMARY KEY (tenant_id, account_id),
    FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id)
);

CREATE TABLE strategy_assignment (
    tenant_id   uuid   NOT NULL,
    account_id  uuid   NOT NULL,
    strategy    text   NOT NULL,
    seed        bigint NOT NULL,
    variant     text   NOT NULL,
    assigned_on date   NOT NULL,
    PRIMARY KEY (tenant_id, account_id, strategy, seed),
    FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id)
);

CREATE TABLE plan_run (
    tenant_id     uuid        NOT NULL,
    id            uuid        NOT NULL,
    business_date date        NOT NULL,
    strategy      text        NOT NULL,
    version       integer     NOT NULL,
    status        text        NOT NULL CHECK (status IN ('RUNNING', 'SUCCEEDED')),
    partitions    integer     NOT NULL,
    requested_by  text        NOT NULL,
    started_at    timestamptz NOT NULL,
    finished_at   timestamptz,
    summary       jsonb,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, business_date)
);

-- A slice of the open accounts by id range; an instance claims one with FOR UPDATE SKIP LOCKED and plans it in
-- one transaction that also marks it done: a crash loses at most the slice in hand, which is planned again.
CREATE TABLE plan_partition (
    tenant_id  uuid        NOT NULL,
    run_id     uuid        NOT NULL,
    partition  integer     NOT NULL,
    from_id    uuid,
    to_id      uuid,
    done       boolean     NOT NULL DEFAULT false,
    done_by    text,
    done_at    timestamptz,
    accounts   integer,
    counts     jsonb,
    PRIMARY KEY (tenant_id, run_id, partition),
    FOREIGN KEY (tenant_id, run_id) REFERENCES plan_run (tenant_id, id)
);

CREATE TABLE plan_action (
    tenant_id      uuid        NOT NULL,
    business_date  date        NOT NULL,
    account_id     uuid        NOT NULL,
    step           integer     NOT NULL,
    run_id         uuid        NOT NULL,
    channel        text        NOT NULL,
    template       text,
    planned_at     timestamptz NOT NULL,
    tier           integer     NOT NULL,
    path           text        NOT NULL,
    segment        text        NOT NULL,
    variant        text        NOT NULL,
    attempt        integer     NOT NULL,
    expected_value numeric(20, 4) NOT NULL,
    status         text        NOT NULL CHECK (status IN ('PLANNED', 'OVER_CAPACITY', 'REFUSED')),
    rules          text[]      NOT NULL DEFAULT '{}',
    PRIMARY KEY (tenant_id, business_date, account_id, step),
    FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id)
);
CREATE INDEX plan_action_channel ON plan_action (tenant_id, business_date, channel, expected_value DESC);

-- Recycling asks whether a collector touched an account lately.
CREATE INDEX contact_decision_account ON contact_decision (tenant_id, account_id, decided_at);

CREATE TABLE collector_team (
    tenant_id uuid   NOT NULL,
    code      text   NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
    name      text   NOT NULL,
    languages text[] NOT NULL DEFAULT '{}',
    buckets   text[] NOT NULL DEFAULT '{}',
    products  text[] NOT NULL DEFAULT '{}',
    rank      integer NOT NULL DEFAULT 100,
    PRIMARY KEY (tenant_id, code)
);

CREATE TABLE collector_team_member (
    tenant_id uuid NOT NULL,
    team      text NOT NULL,
    user_id   uuid NOT NULL,
    PRIMARY KEY (tenant_id, team, user_id),
    FOREIGN KEY (tenant_id, team) REFERENCES collector_team (tenant_id, code),
    FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id)
);

-- Who works an account, since when, and when they last touched it (untouched for too long: recycled).
CREATE TABLE account_assignment (
    tenant_id    uuid NOT NULL,
    account_id   uuid NOT NULL,
    collector_id uuid NOT NULL,
    team         text NOT NULL,
    assigned_on  date NOT NULL,
    assigned_by  text NOT NULL,
    PRIMARY KEY (tenant_id, account_id),
    FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id),
    FOREIGN KEY (tenant_id, collector_id) REFERENCES app_user (tenant_id, id)
);
CREATE INDEX account_assignment_collector ON account_assignment (tenant_id, collector_id);

CREATE TABLE work_item (
    tenant_id      uuid    NOT NULL,
    business_date  date    NOT NULL,
    account_id     uuid    NOT NULL,
    run_id         uuid    NOT NULL,
    kind           text    NOT NULL CHECK (kind IN ('COLLECT', 'SUPERVISOR')),
    team           text,
    collector_id   uuid,
    priority       integer NOT NULL,
    expected_value numeric(20, 4) NOT NULL,
    reason         text    NOT NULL,
    PRIMARY KEY (tenant_id, business_date, account_id),
    FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id)
);
CREATE INDEX work_item_collector ON work_item (tenant_id, collector_id, business_date, priority);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['message_template', 'strategy_version', 'account_signal', 'account_path',
                             'strategy_assignment', 'plan_run', 'plan_partition', 'plan_action', 'collector_team',
                             'collector_team_member', 'account_assignment', 'work_item'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = candor_current_tenant()) '
                       'WITH CHECK (tenant_id = candor_current_tenant())', t);
    END LOOP;
END
$$;
GRANT SELECT, INSERT ON message_template, strategy_version, strategy_assignment TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON plan_run, plan_partition, plan_action, work_item, account_path TO ${appRole};
GRANT SELECT, INSERT, UPDATE, DELETE ON account_signal, collector_team, collector_team_member, account_assignment
    TO ${appRole};
