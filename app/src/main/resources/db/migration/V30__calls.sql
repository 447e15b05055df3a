-- Calls that carry sound (the telephony module): one row a call, its keys, quality figures and recording; the
-- recording's chunks are hashed while the call runs, so a crash keeps a provable recording up to the last chunk.
CREATE TABLE call (
    tenant_id        uuid        NOT NULL,
    id               uuid        NOT NULL,
    account_id       uuid        NOT NULL,
    channel          text        NOT NULL CHECK (channel IN ('VOICE_AI', 'VOICE_HUMAN')),
    contact_point_id uuid,
    contact_event_id uuid,
    idempotency_key  text,
    state            text        NOT NULL CHECK (state IN ('DIALLING', 'ANSWERED', 'ENDED')),
    outcome          text        CHECK (outcome IN ('ANSWERED', 'NO_ANSWER', 'BUSY', 'DECLINED', 'FAILED')),
    sip_call_id      text,
    started_at       timestamptz NOT NULL,
    answered_at      timestamptz,
    ended_at         timestamptz,
    dtmf             text        NOT NULL DEFAULT '' CHECK (dtmf ~ '^[0-9*#A-D]*$'),
    transcript       jsonb       NOT NULL DEFAULT '[]',
    quality          jsonb       NOT NULL DEFAULT '{}',
    recording_sha256 text        CHECK (recording_sha256 ~ '^[0-9a-f]{64}$'),
    recording_ms     bigint,
    detail           text        NOT NULL DEFAULT '',
    placed_by        text        NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, idempotency_key)
);
CREATE INDEX call_account ON call (tenant_id, account_id, started_at DESC);
CREATE INDEX call_unfinished ON call (tenant_id, state) WHERE state <> 'ENDED';

CREATE TABLE call_recording_chunk (
    tenant_id uuid    NOT NULL,
    call_id   uuid    NOT NULL,
    chunk     integer NOT NULL CHECK (chunk >= 0),
    bytes     integer NOT NULL CHECK (bytes > 0),
    sha256    text    NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    chain     text    NOT NULL CHECK (chain ~ '^[0-9a-f]{64}$'),
    PRIMARY KEY (tenant_id, call_id, chunk),
    FOREIGN KEY (tenant_id, call_id) REFERENCES call (tenant_id, id)
);

SELECT candor_isolate(t) FROM unnest(ARRAY['call', 'call_recording_chunk']::regclass[]) t;
GRANT SELECT, INSERT, UPDATE ON call TO ${appRole};
GRANT SELECT, INSERT ON call_recording_chunk TO ${appRole};
