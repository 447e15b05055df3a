-- The first cut of the portfolio: creditors, placements (portfolios), debtors, contact points and accounts.
-- Money is exact: minor units of the account's ISO 4217 currency. National ids and bank account numbers are
-- sealed with AES-GCM (key id inside) and searchable only by their keyed hash.

CREATE TABLE creditor (
    tenant_id uuid NOT NULL REFERENCES tenant (id),
    id        uuid NOT NULL,
    code      text NOT NULL,
    name      text NOT NULL,
    country   char(2) NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, code)
);

CREATE TABLE portfolio (
    tenant_id   uuid NOT NULL,
    id          uuid NOT NULL,
    creditor_id uuid NOT NULL,
    code        text NOT NULL,
    name        text NOT NULL,
    placed_on   date NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, code),
    FOREIGN KEY (tenant_id, creditor_id) REFERENCES creditor (tenant_id, id)
);

CREATE TABLE debtor (
    tenant_id         uuid        NOT NULL,
    id                uuid        NOT NULL,
    kind              text        NOT NULL CHECK (kind IN ('PERSON', 'COMPANY')),
    full_name         text        NOT NULL,
    national_id_enc   bytea,
    national_id_index bytea,
    national_id_hint  text,
    birth_date        date,
    country           char(2)     NOT NULL,
    region            text,
    language          text        NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX debtor_national_id ON debtor (tenant_id, national_id_index);

CREATE TABLE contact_point (
    tenant_id  uuid    NOT NULL,
    id         uuid    NOT NULL,
    debtor_id  uuid    NOT NULL,
    kind       text    NOT NULL CHECK (kind IN ('PHONE', 'EMAIL', 'ADDRESS', 'APP')),
    value      text    NOT NULL,
    time_zones text[]  NOT NULL DEFAULT '{}',
    source     text    NOT NULL,
    verified   boolean NOT NULL DEFAULT false,
    valid      boolean NOT NULL DEFAULT true,
    opted_out  text[]  NOT NULL DEFAULT '{}',
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, debtor_id) REFERENCES debtor (tenant_id, id)
);
CREATE INDEX contact_point_debtor ON contact_point (tenant_id, debtor_id);

CREATE TABLE account (
    tenant_id          uuid    NOT NULL,
    id                 uuid    NOT NULL,
    portfolio_id       uuid    NOT NULL,
    debtor_id          uuid    NOT NULL,
    creditor_ref       text    NOT NULL,
    product            text    NOT NULL CHECK (product IN ('CREDIT_CARD', 'CONSUMER_LOAN', 'ECOMMERCE_INSTALMENT', 'SME_LOAN', 'BNPL')),
    currency           char(3) NOT NULL,
    principal_minor    bigint  NOT NULL CHECK (principal_minor >= 0),
    interest_minor     bigint  NOT NULL DEFAULT 0 CHECK (interest_minor >= 0),
    fees_minor         bigint  NOT NULL DEFAULT 0 CHECK (fees_minor >= 0),
    penalty_minor      bigint  NOT NULL DEFAULT 0 CHECK (penalty_minor >= 0),
    due_date           date    NOT NULL,
    dpd                integer NOT NULL CHECK (dpd >= 0),
    bucket             text    NOT NULL,
    status             text    NOT NULL CHECK (status IN ('OPEN', 'CLOSED', 'RECALLED')),
    bank_account_enc   bytea,
    bank_account_last4 text,
    created_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, portfolio_id, creditor_ref),
    FOREIGN KEY (tenant_id, portfolio_id) REFERENCES portfolio (tenant_id, id),
    FOREIGN KEY (tenant_id, debtor_id) REFERENCES debtor (tenant_id, id)
);
CREATE INDEX account_debtor ON account (tenant_id, debtor_id);
CREATE INDEX account_bucket ON account (tenant_id, bucket, id);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['creditor', 'portfolio', 'debtor', 'contact_point', 'account'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = candor_current_tenant()) '
                       'WITH CHECK (tenant_id = candor_current_tenant())', t);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE ON %I TO ${appRole}', t);
    END LOOP;
END
$$;
