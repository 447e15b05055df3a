-- Users per tenant, with roles, lockout state and API tokens (stored as SHA-256 hashes only).

CREATE TABLE app_user (
    tenant_id     uuid        NOT NULL REFERENCES tenant (id),
    id            uuid        NOT NULL,
    username      text        NOT NULL CHECK (username ~ '^[a-z0-9._@-]{1,64}$'),
    display_name  text        NOT NULL,
    email         text,
    password_hash text        NOT NULL,
    roles         text[]      NOT NULL CHECK (cardinality(roles) > 0),
    locale        text        NOT NULL DEFAULT 'en',
    enabled       boolean     NOT NULL DEFAULT true,
    failed_logins integer     NOT NULL DEFAULT 0,
    locked_until  timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, username)
);

CREATE TABLE api_token (
    tenant_id    uuid        NOT NULL,
    id           uuid        NOT NULL,
    user_id      uuid        NOT NULL,
    token_hash   bytea       NOT NULL,
    issued_at    timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz,
    last_used_at timestamptz,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, token_hash),
    FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id)
);

ALTER TABLE app_user ENABLE ROW LEVEL SECURITY;
ALTER TABLE app_user FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON app_user
    USING (tenant_id = candor_current_tenant()) WITH CHECK (tenant_id = candor_current_tenant());
ALTER TABLE api_token ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_token FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON api_token
    USING (tenant_id = candor_current_tenant()) WITH CHECK (tenant_id = candor_current_tenant());

GRANT SELECT, INSERT, UPDATE ON app_user, api_token TO ${appRole};
