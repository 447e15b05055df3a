-- The collector workbench and the supervisor's views: what came of each contact (disposition), notes on accounts,
-- and quality reviews of human and AI conversations.

CREATE TABLE contact_disposition (
    tenant_id        uuid        NOT NULL,
    contact_event_id uuid        NOT NULL,
    account_id       uuid        NOT NULL,
    code             text        NOT NULL CHECK (code IN ('PROMISE', 'PLAN', 'PAID', 'CALLBACK', 'REFUSAL', 'DISPUTE',
                                                          'HARDSHIP', 'RIGHT_PARTY_OTHER', 'THIRD_PARTY', 'WRONG_NUMBER',
                                                          'NO_ANSWER', 'BUSY', 'VOICEMAIL')),
    note             text,
    arrangement_id   uuid,
    recorded_by      text        NOT NULL,
    recorded_at      timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, contact_event_id),
    FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id)
);
CREATE INDEX contact_disposition_day ON contact_disposition (tenant_id, recorded_at);

CREATE TABLE account_note (
    tenant_id  uuid        NOT NULL,
    id         uuid        NOT NULL,
    account_id uuid        NOT NULL,
    text       text        NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
    written_by text        NOT NULL,
    written_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id)
);
CREATE INDEX account_note_account ON account_note (tenant_id, account_id, written_at);

-- A quality review of one conversation: a human contact (its contact event) or an AI conversation.
CREATE TABLE qa_review (
    tenant_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('HUMAN', 'AI')),
    subject_id  uuid        NOT NULL,
    account_id  uuid        NOT NULL,
    agent       text        NOT NULL,
    scores      jsonb       NOT NULL,
    total       integer     NOT NULL,
    out_of      integer     NOT NULL,
    comment     text,
    reviewed_by text        NOT NULL,
    reviewed_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, kind, subject_id)
);

SELECT candor_isolate(t) FROM unnest(ARRAY['contact_disposition', 'account_note', 'qa_review']::regclass[]) t;
GRANT SELECT, INSERT ON contact_disposition, account_note, qa_review TO ${appRole};
