-- Dialer campaigns: a team's queue for the day (the plan's COLLECT items for the team, or a list a supervisor chose)
-- dialled in a mode; and each line a campaign rang, one per account a day, with how it went — the abandoned-call
-- limits are counted from these rows (live and abandoned calls per rolling window), and a number whose call was
-- abandoned rests 72 hours from automated dialling.
CREATE TABLE campaign (
    tenant_id       uuid        NOT NULL,
    id              uuid        NOT NULL,
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    team            text        NOT NULL,
    mode            text        NOT NULL CHECK (mode IN ('PREVIEW', 'PROGRESSIVE', 'PREDICTIVE')),
    queue           text        NOT NULL CHECK (queue IN ('COLLECT', 'LIST')),
    accounts        uuid[]      NOT NULL DEFAULT '{}',
    caller          text        NOT NULL,
    call_back       text        NOT NULL,
    ring_seconds    integer     NOT NULL CHECK (ring_seconds BETWEEN 15 AND 60),
    wrap_up_seconds integer     NOT NULL CHECK (wrap_up_seconds BETWEEN 0 AND 3600),
    detect_machines boolean     NOT NULL DEFAULT false,
    state           text        NOT NULL CHECK (state IN ('READY', 'RUNNING', 'PAUSED')),
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL,
    changed_by      text        NOT NULL,
    changed_at      timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, name)
);

CREATE TABLE campaign_call (
    tenant_id        uuid        NOT NULL,
    campaign_id      uuid        NOT NULL,
    business_date    date        NOT NULL,
    account_id       uuid        NOT NULL,
    contact_point_id uuid,
    call_id          uuid,
    dialled_at       timestamptz NOT NULL,
    paced_as         text        NOT NULL CHECK (paced_as IN ('PREVIEW', 'PROGRESSIVE', 'PREDICTIVE')),
    outcome          text        NOT NULL CHECK (outcome IN ('RINGING', 'NOT_ANSWERED', 'MACHINE', 'BRIDGED',
                                                             'ABANDONED', 'REFUSED', 'RESTING')),
    answered_at      timestamptz,
    collector        text,
    rang_ms          bigint,
    talk_ms          bigint,
    detail           text        NOT NULL DEFAULT '',
    PRIMARY KEY (tenant_id, campaign_id, business_date, account_id),
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaign (tenant_id, id)
);
CREATE INDEX campaign_call_live ON campaign_call (tenant_id, campaign_id, answered_at)
    WHERE outcome IN ('BRIDGED', 'ABANDONED');
CREATE INDEX campaign_call_abandoned ON campaign_call (tenant_id, contact_point_id, answered_at)
    WHERE outcome = 'ABANDONED';

SELECT candor_isolate('campaign'::regclass);
SELECT candor_isolate('campaign_call'::regclass);
GRANT SELECT, INSERT, UPDATE ON campaign TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON campaign_call TO ${appRole};

-- a campaign's line the debtor answered and no collector took in time
ALTER TABLE call DROP CONSTRAINT call_outcome_check;
ALTER TABLE call ADD CONSTRAINT call_outcome_check
    CHECK (outcome IN ('VERIFIED', 'ANSWERED', 'VOICEMAIL', 'ABANDONED', 'NO_ANSWER', 'BUSY', 'DECLINED', 'FAILED'));
