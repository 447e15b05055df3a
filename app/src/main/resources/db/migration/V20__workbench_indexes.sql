-- Indexes the workbench, the supervisor's page and the dashboards read by: contacts and decisions by account and by
-- time, dispositions by who recorded them.
CREATE INDEX contact_event_account ON contact_event (tenant_id, account_id, at);
CREATE INDEX contact_event_at ON contact_event (tenant_id, at);
CREATE INDEX contact_decision_at ON contact_decision (tenant_id, decided_at);
CREATE INDEX contact_disposition_by ON contact_disposition (tenant_id, recorded_by, recorded_at);
CREATE INDEX agent_conversation_started ON agent_conversation (tenant_id, started_at);
CREATE INDEX account_hold_set ON account_hold (tenant_id, hold, set_at);
