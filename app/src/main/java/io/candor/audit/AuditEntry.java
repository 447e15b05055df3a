package io.candor.audit;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One thing to audit. {@code action} says what was done ({@link AuditAction#USER_CREATED},
 * {@link AuditAction#DEBTOR_DATA_READ} …);
 * {@code purpose} says why personal data was read.
 */
public record AuditEntry(AuditAction action, String resourceType, @Nullable String resourceId, @Nullable String purpose,
                         Map<String, Object> detail) {

    public AuditEntry {
        detail = Map.copyOf(detail);
    }

    public static AuditEntry of(AuditAction action, String resourceType, @Nullable Object resourceId) {
        return new AuditEntry(action, resourceType, resourceId == null ? null : resourceId.toString(), null, Map.of());
    }

    public static AuditEntry read(String resourceType, Object resourceId, String purpose) {
        return new AuditEntry(AuditAction.DEBTOR_DATA_READ, resourceType, resourceId.toString(), purpose, Map.of());
    }

    public AuditEntry withDetail(Map<String, Object> more) {
        return new AuditEntry(action, resourceType, resourceId, purpose, more);
    }
}
