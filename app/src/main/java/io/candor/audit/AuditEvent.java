package io.candor.audit;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A recorded audit event, as the audit API shows it. */
record AuditEvent(UUID id, Instant at, @Nullable UUID actorId, String actor, String action,
                         String resourceType, @Nullable String resourceId, @Nullable String purpose, String detail) {
}
