-- The ledger: end-of-day close with bucket history, bucket boundaries per product, exchange rates,
-- payments with their allocation, and the creditor's allocation waterfall.

-- One close per tenant and business date: idempotent, and resumable from its checkpoint.
CREATE TABLE eod_close (
    tenant_id     uuid        NOT NULL,
    business_date date        NOT NULL,
    status        text        NOT NULL CHECK (status IN ('RUNNING', 'DONE')),
    checkpoint    uuid        NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000',
    accounts      bigint      NOT NULL DEFAULT 0,
    transitions   bigint      NOT NULL DEFAULT 0,
    started_at    timestamptz NOT NULL,
    finished_at   timestamptz,
    PRIMARY KEY (tenant_id, business_date)
);

-- Upper DPD bounds of M1..M6 per product (M0 is 0 DPD; above the last bound is M7+).
CREATE TABLE bucket_scheme (
    tenant_id  uuid    NOT NULL,
    product    text    NOT NULL,
    boundaries integer[] NOT NULL CHECK (cardinality(boundaries) = 6),
    PRIMARY KEY (tenant_id, product)
);

CREATE FUNCTION candor_bucket(dpd integer, boundaries integer[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE
        WHEN dpd <= 0 THEN 'M0'
        WHEN dpd > boundaries[6] THEN 'M7+'
        ELSE 'M' || (SELECT min(i) FROM generate_subscripts(boundaries, 1) i WHERE dpd <= boundaries[i])
    END
$$;

-- Daily reference rates: 1 base = rate quote.
CREATE TABLE exchange_rate (
    tenant_id uuid           NOT NULL,
    rate_date date           NOT NULL,
    base      char(3)        NOT NULL,
    quote     char(3)        NOT NULL,
    rate      numeric(24, 10) NOT NULL CHECK (rate > 0),
    source    text           NOT NULL,
    PRIMARY KEY (tenant_id, rate_date, base, quote)
);

ALTER TABLE creditor ADD COLUMN waterfall text[] NOT NULL DEFAULT '{FEES,PENALTY,INTEREST,PRINCIPAL}'
    CHECK (waterfall <@ '{FEES,PENALTY,INTEREST,PRINCIPAL}' AND waterfall @> '{FEES,PENALTY,INTEREST,PRINCIPAL}'
           AND cardinality(waterfall) = 4);
ALTER TABLE account ADD COLUMN credit_minor bigint NOT NULL DEFAULT 0 CHECK (credit_minor >= 0);

CREATE TABLE payment (
    tenant_id        uuid        NOT NULL,
    id               uuid        NOT NULL,
    account_id       uuid        NOT NULL,
    paid_on          date        NOT NULL,
    amount_minor     bigint      NOT NULL CHECK (amount_minor > 0),
    currency         char(3)     NOT NULL,
    applied_minor    bigint      NOT NULL,
    rate             numeric(24, 10),
    rate_date        date,
    to_fees          bigint      NOT NULL DEFAULT 0,
    to_penalty       bigint      NOT NULL DEFAULT 0,
    to_interest      bigint      NOT NULL DEFAULT 0,
    to_principal     bigint      NOT NULL DEFAULT 0,
    to_credit        bigint      NOT NULL DEFAULT 0,
    reference        text        NOT NULL,
    source           text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('POSTED', 'REVERSED')),
    reversal_reason  text,
    posted_at        timestamptz NOT NULL,
    reversed_at      timestamptz,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, account_id, reference),
    FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id)
);
CREATE INDEX payment_account ON payment (tenant_id, account_id, paid_on);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['eod_close', 'bucket_scheme', 'exchange_rate', 'payment'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = candor_current_tenant()) '
                       'WITH CHECK (tenant_id = candor_current_tenant())', t);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE ON %I TO ${appRole}', t);
    END LOOP;
END
$$;
GRANT DELETE ON bucket_scheme TO ${appRole};

-- Payment files (bank statements, gateway settlements) and exchange-rate files are import jobs too.
ALTER TABLE import_job DROP CONSTRAINT import_job_kind_check;
ALTER TABLE import_job ADD CONSTRAINT import_job_kind_check
    CHECK (kind IN ('PLACEMENT', 'RECALL', 'PAYMENT', 'EXCHANGE_RATE'));
