-- The audit page searches the trail by resource (an account), by user and by day, newest first.
CREATE INDEX audit_event_by_resource ON audit_event (tenant_id, resource_id, id DESC);
CREATE INDEX audit_event_by_actor ON audit_event (tenant_id, actor, id DESC);
CREATE INDEX audit_event_by_time ON audit_event (tenant_id, at);
