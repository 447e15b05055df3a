-- Arrangements (promises, plans, settlements, hardship buffers, restructurings) with their policy bounds, approval
-- trail and instalments; settlement waivers on the ledger; the debtor portal's links, verification attempts,
-- checkouts with a payment gateway, replay-protected webhook events and dispute documents.

-- Every tenant table from here on is isolated by this one function rather than a copied block.
CREATE FUNCTION candor_isolate(t regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %s USING (tenant_id = candor_current_tenant()) '
                   'WITH CHECK (tenant_id = candor_current_tenant())', t);
END
$$;

-- What may be offered on a creditor's accounts of one product ('*': every product without its own row).
CREATE TABLE arrangement_policy (
    tenant_id            uuid         NOT NULL,
    creditor_id          uuid         NOT NULL,
    product              text         NOT NULL,
    max_discount_pct     numeric(5, 2) NOT NULL CHECK (max_discount_pct BETWEEN 0 AND 100),
    max_tenor_months     integer      NOT NULL CHECK (max_tenor_months BETWEEN 1 AND 120),
    min_instalment_minor bigint       NOT NULL CHECK (min_instalment_minor >= 0),
    max_buffer_days      integer      NOT NULL CHECK (max_buffer_days BETWEEN 0 AND 365),
    grace_days           integer      NOT NULL CHECK (grace_days BETWEEN 0 AND 30),
    authority            jsonb        NOT NULL,
    updated_by           text         NOT NULL,
    updated_at           timestamptz  NOT NULL,
    PRIMARY KEY (tenant_id, creditor_id, product),
    FOREIGN KEY (tenant_id, creditor_id) REFERENCES creditor (tenant_id, id)
);

CREATE TABLE arrangement (
    tenant_id       uuid        NOT NULL,
    id              uuid        NOT NULL,
    account_id      uuid        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('PROMISE', 'PLAN', 'SETTLEMENT', 'HARDSHIP', 'RESTRUCTURE')),
    status          text        NOT NULL CHECK (status IN ('PENDING_APPROVAL', 'ACTIVE', 'KEPT', 'PARTIALLY_KEPT',
                                                           'BROKEN', 'REJECTED', 'CANCELLED', 'ENDED')),
    currency        char(3)     NOT NULL,
    balance_minor   bigint      NOT NULL,
    total_minor     bigint      NOT NULL,
    discount_minor  bigint      NOT NULL DEFAULT 0,
    rate_pct        numeric(7, 4),
    buffer_days     integer,
    review_on       date,
    reason          text,
    offered_by      text        NOT NULL,
    offered_as      text        NOT NULL,
    approval_level  text,
    idempotency_key text        NOT NULL,
    created_on      date        NOT NULL,
    created_at      timestamptz NOT NULL,
    activated_on    date,
    ended_on        date,
    paid_minor      bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, idempotency_key),
    FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id)
);
-- one arrangement in force (or waiting for approval) per account at a time
CREATE UNIQUE INDEX arrangement_live ON arrangement (tenant_id, account_id)
    WHERE status IN ('PENDING_APPROVAL', 'ACTIVE');
CREATE INDEX arrangement_account ON arrangement (tenant_id, account_id, created_at);

CREATE TABLE arrangement_instalment (
    tenant_id      uuid    NOT NULL,
    arrangement_id uuid    NOT NULL,
    seq            integer NOT NULL,
    due_on         date    NOT NULL,
    amount_minor   bigint  NOT NULL CHECK (amount_minor > 0),
    paid_minor     bigint  NOT NULL DEFAULT 0,
    status         text    NOT NULL CHECK (status IN ('DUE', 'PAID', 'PARTIAL', 'MISSED')),
    PRIMARY KEY (tenant_id, arrangement_id, seq),
    FOREIGN KEY (tenant_id, arrangement_id) REFERENCES arrangement (tenant_id, id)
);

-- The approval trail: every decision on an arrangement that needed one.
CREATE TABLE arrangement_decision (
    tenant_id      uuid        NOT NULL,
    id             uuid        NOT NULL,
    arrangement_id uuid        NOT NULL,
    decision       text        NOT NULL CHECK (decision IN ('APPROVED', 'REJECTED')),
    decided_by     text        NOT NULL,
    decided_as     text        NOT NULL,
    note           text,
    at             timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, arrangement_id) REFERENCES arrangement (tenant_id, id)
);
CREATE TRIGGER arrangement_decision_append_only BEFORE UPDATE OR DELETE ON arrangement_decision
    FOR EACH ROW EXECUTE FUNCTION candor_append_only();

-- What a kept settlement forgave, by component (the ledger's record of a write-off).
CREATE TABLE balance_adjustment (
    tenant_id       uuid        NOT NULL,
    id              uuid        NOT NULL,
    account_id      uuid        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('SETTLEMENT_WAIVER')),
    fees_minor      bigint      NOT NULL,
    penalty_minor   bigint      NOT NULL,
    interest_minor  bigint      NOT NULL,
    principal_minor bigint      NOT NULL,
    reference       text        NOT NULL,
    at              timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, account_id, reference),
    FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id)
);

-- A link to the portal: the URL carries a signed token naming this row; expiry and revocation are checked here.
CREATE TABLE portal_link (
    tenant_id  uuid        NOT NULL,
    id         uuid        NOT NULL,
    account_id uuid        NOT NULL,
    purpose    text        NOT NULL CHECK (purpose IN ('SELF_SERVICE')),
    channel    text,
    created_by text        NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id)
);

CREATE TABLE portal_verification (
    tenant_id  uuid        NOT NULL,
    id         uuid        NOT NULL,
    link_id    uuid        NOT NULL,
    account_id uuid        NOT NULL,
    at         timestamptz NOT NULL,
    success    boolean     NOT NULL,
    client     text,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, link_id) REFERENCES portal_link (tenant_id, id)
);
CREATE INDEX portal_verification_account ON portal_verification (tenant_id, account_id, at);

CREATE TABLE payment_checkout (
    tenant_id      uuid        NOT NULL,
    id             uuid        NOT NULL,
    account_id     uuid        NOT NULL,
    arrangement_id uuid,
    provider       text        NOT NULL,
    amount_minor   bigint      NOT NULL CHECK (amount_minor > 0),
    currency       char(3)     NOT NULL,
    status         text        NOT NULL CHECK (status IN ('CREATED', 'PAID', 'FAILED')),
    payment_id     uuid,
    created_at     timestamptz NOT NULL,
    completed_at   timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id)
);

-- Webhook events seen, so a replayed event changes nothing.
CREATE TABLE payment_webhook_event (
    tenant_id   uuid        NOT NULL,
    provider    text        NOT NULL,
    event_id    text        NOT NULL,
    checkout_id uuid        NOT NULL,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, provider, event_id)
);

CREATE TABLE dispute_document (
    tenant_id    uuid        NOT NULL,
    id           uuid        NOT NULL,
    account_id   uuid        NOT NULL,
    hold_id      uuid        NOT NULL,
    file_name    text        NOT NULL,
    content_type text        NOT NULL,
    size_bytes   bigint      NOT NULL,
    sha256       bytea       NOT NULL,
    uploaded_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id)
);

-- How a debtor prefers to be reached: a channel (shown to collectors) and hours of the day in the debtor's own time,
-- outside which the contact gate refuses calls, texts and visits.
CREATE TABLE debtor_contact_preference (
    tenant_id         uuid        NOT NULL,
    debtor_id         uuid        NOT NULL,
    preferred_channel text,
    hours_from        time,
    hours_to          time,
    updated_by        text        NOT NULL,
    updated_at        timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, debtor_id),
    FOREIGN KEY (tenant_id, debtor_id) REFERENCES debtor (tenant_id, id),
    CHECK ((hours_from IS NULL) = (hours_to IS NULL) AND (hours_from IS NULL OR hours_from < hours_to))
);

SELECT candor_isolate(t) FROM unnest(ARRAY['arrangement_policy', 'arrangement', 'arrangement_instalment',
    'arrangement_decision', 'balance_adjustment', 'portal_link', 'portal_verification', 'payment_checkout',
    'payment_webhook_event', 'dispute_document', 'debtor_contact_preference']::regclass[]) t;

GRANT SELECT, INSERT, UPDATE ON arrangement_policy, arrangement, arrangement_instalment, portal_link, payment_checkout,
    debtor_contact_preference TO ${appRole};
GRANT SELECT, INSERT ON arrangement_decision, balance_adjustment, portal_verification, payment_webhook_event,
    dispute_document TO ${appRole};
