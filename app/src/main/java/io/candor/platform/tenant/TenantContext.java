package io.candor.platform.tenant;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The tenant the current thread works for. Every database connection handed out by the application's
 * data source carries it into PostgreSQL ({@code candor.tenant_id}), where row-level security reads it;
 * with no tenant set, tenant tables look empty.
 */
public final class TenantContext {

    private static final ThreadLocal<UUID> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    public static Optional<UUID> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The current tenant; fails when code that needs a tenant runs without one. */
    public static UUID require() {
        UUID t = CURRENT.get();
        if (t == null) {
            throw new IllegalStateException("no tenant is set for this thread");
        }
        return t;
    }

    /**
     * Works for {@code tenant} until the returned scope is closed, then restores the previous tenant.
     * The tenant is fixed when a transaction takes its connection, so switching to another tenant inside a
     * running transaction is refused: enter the tenant first, then start the transaction.
     */
    public static Scope enter(UUID tenant) {
        UUID previous = CURRENT.get();
        if (!tenant.equals(previous) && TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("cannot switch to tenant " + tenant + " inside a transaction that works for "
                    + (previous == null ? "no tenant" : previous));
        }
        CURRENT.set(tenant);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    public static <T> T call(UUID tenant, Supplier<T> work) {
        try (Scope ignored = enter(tenant)) {
            return work.get();
        }
    }

    public static void run(UUID tenant, Runnable work) {
        try (Scope ignored = enter(tenant)) {
            work.run();
        }
    }

    /** A tenant scope; closing it never throws. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
