package io.candor.tenancy;

import java.util.UUID;

/** A tenant was suspended by the platform operator: its users are refused and its outbound work stops. */
public record TenantSuspended(UUID tenant, String reason) {
}
