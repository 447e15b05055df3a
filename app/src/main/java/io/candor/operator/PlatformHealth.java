package io.candor.operator;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.List;

import io.candor.tenancy.Tenant;
import io.candor.tenancy.Tenants;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the operator checks first: the database answers, how long Candor has run, its memory, the organisations. */
@Component
class PlatformHealth {

    /** The platform at a glance. */
    record Snapshot(boolean databaseUp, String database, Duration uptime, long heapUsedMb, long heapMaxMb,
                    int processors, long organisations, long suspended) {
    }

    private final JdbcClient jdbc;
    private final Tenants tenants;

    PlatformHealth(JdbcClient jdbc, Tenants tenants) {
        this.jdbc = jdbc;
        this.tenants = tenants;
    }

    Snapshot now() {
        String database;
        boolean up;
        try {
            database = "PostgreSQL " + jdbc.sql("SHOW server_version").query(String.class).single();
            up = true;
        } catch (RuntimeException e) {
            database = e.getClass().getSimpleName() + ": " + e.getMessage();
            up = false;
        }
        List<Tenants.Entry> all = up ? tenants.directory() : List.of();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new Snapshot(up, database, Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()),
                heap.getUsed() >> 20, heap.getMax() >> 20, Runtime.getRuntime().availableProcessors(),
                all.stream().filter(e -> e.kind() != Tenant.Kind.PLATFORM).count(),
                all.stream().filter(e -> e.suspension() != null).count());
    }
}
