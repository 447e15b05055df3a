package io.candor.tenancy;

import java.util.UUID;

/** A suspended tenant was reactivated (public once another module listens). */
record TenantResumed(UUID tenant) {
}
