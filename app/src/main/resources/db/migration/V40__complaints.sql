-- Complaints as cases: one case a grievance, from any intake (the portal, the AI agent, a collector, e-mail, a
-- regulator's referral or the API), with the debtor's jurisdiction's deadlines computed at receipt, the handler (never
-- the one it is about), the final response with who drafted and who approved it, and the account's COMPLAINT_OPEN
-- hold it keeps while open. A repeat of the same grievance is linked to the first (duplicate_of) and not counted.
-- Every step of a case is kept, append-only.
CREATE TABLE complaint_case (
    tenant_id         uuid        NOT NULL,
    id                uuid        NOT NULL,
    account_id        uuid        NOT NULL,
    received_at       timestamptz NOT NULL,
    intake            text        NOT NULL CHECK (intake IN ('PORTAL', 'AI_AGENT', 'COLLECTOR', 'EMAIL', 'REFERRAL',
                                                             'API')),
    referred_from     text,
    external_ref      text,
    jurisdiction      text        NOT NULL,
    complexity        text        NOT NULL CHECK (complexity IN ('STANDARD', 'COMPLEX', 'ESPECIALLY_COMPLEX')),
    summary           text        NOT NULL CHECK (length(summary) BETWEEN 1 AND 4000),
    about_kind        text        NOT NULL CHECK (about_kind IN ('COLLECTOR', 'AI_AGENT', 'AGENCY', 'CREDITOR',
                                                                 'UNKNOWN')),
    about             text,
    state             text        NOT NULL CHECK (state IN ('RECEIVED', 'ACKNOWLEDGED', 'INVESTIGATING', 'RESPONDED',
                                                            'CLOSED', 'REFERRED', 'REOPENED')),
    handler           text,
    duplicate_of      uuid,
    hold_id           uuid,
    due_summary       date,
    due_response      date,
    due_final         date,
    deadline_rules    text[]      NOT NULL DEFAULT '{}',
    response_text     text,
    responded_by      text,
    approved_by       text,
    created_by        text        NOT NULL,
    updated_at        timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, duplicate_of) REFERENCES complaint_case (tenant_id, id),
    CHECK (referred_from IS NULL OR external_ref IS NOT NULL),
    CHECK (approved_by IS NULL OR approved_by <> responded_by)
);
CREATE UNIQUE INDEX complaint_case_referral ON complaint_case (tenant_id, referred_from, external_ref)
    WHERE referred_from IS NOT NULL;
CREATE INDEX complaint_case_open ON complaint_case (tenant_id, account_id) WHERE state <> 'CLOSED';

CREATE TABLE complaint_step (
    tenant_id  uuid        NOT NULL,
    case_id    uuid        NOT NULL,
    seq        bigint      GENERATED ALWAYS AS IDENTITY,
    at         timestamptz NOT NULL,
    by_user    text        NOT NULL,
    step       text        NOT NULL,
    from_state text,
    to_state   text        NOT NULL,
    note       text        NOT NULL DEFAULT '',
    PRIMARY KEY (tenant_id, case_id, seq),
    FOREIGN KEY (tenant_id, case_id) REFERENCES complaint_case (tenant_id, id)
);

SELECT candor_isolate('complaint_case'::regclass);
SELECT candor_isolate('complaint_step'::regclass);
GRANT SELECT, INSERT, UPDATE ON complaint_case TO ${appRole};
GRANT SELECT, INSERT ON complaint_step TO ${appRole};
CREATE TRIGGER complaint_step_append_only BEFORE UPDATE OR DELETE ON complaint_step
    FOR EACH ROW EXECUTE FUNCTION candor_append_only();
