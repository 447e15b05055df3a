package io.candor.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.candor.identity.NewUser;
import io.candor.identity.Role;
import io.candor.identity.UserView;
import io.candor.identity.Users;
import io.candor.platform.ids.Ids;
import io.candor.platform.tenant.TenantContext;
import io.candor.portfolio.Placement;
import io.candor.portfolio.PlacementCsv;
import io.candor.portfolio.placement.ImportJob;
import io.candor.portfolio.placement.PlacementImports;
import io.candor.tenancy.Tenant;
import io.candor.tenancy.Tenants;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Fresh tenants for one test: a unique slug, one user per role, and a small placement. */
@TestComponent
public class TestTenants {

    public static final String PASSWORD = "test-password-1";

    /** A tenant made for a test, with its users by role and its account ids. */
    public record TestTenant(Tenant tenant, Map<Role, UserView> users, List<UUID> accounts) {

        public String slug() {
            return tenant.slug();
        }

        public UUID id() {
            return tenant.id();
        }

        public UserView user(Role role) {
            return users.get(role);
        }
    }

    private final Tenants tenants;
    private final Users users;
    private final PlacementImports imports;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;

    TestTenants(Tenants tenants, Users users, PlacementImports imports, TransactionTemplate tx, JdbcClient jdbc) {
        this.tenants = tenants;
        this.users = users;
        this.imports = imports;
        this.tx = tx;
        this.jdbc = jdbc;
    }

    public TestTenant create(String prefix) {
        return createExactly((prefix + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT));
    }

    /** A tenant with exactly this slug, e.g. one named in the application's configuration. */
    public TestTenant createExactly(String slug) {
        Tenant tenant = new Tenant(Ids.newId(), slug, "Test " + slug, Tenant.Kind.LENDER, Currency.getInstance("CNY"),
                ZoneId.of("Asia/Shanghai"));
        Map<Role, UserView> byRole = TenantContext.call(tenant.id(), () -> tx.execute(s -> {
            tenants.register(tenant);
            Map<Role, UserView> created = new EnumMap<>(Role.class);
            for (Role role : Role.tenantRoles()) {
                String name = role.name().toLowerCase(Locale.ROOT);
                created.put(role, users.create(new NewUser(name, name + " of " + slug, null, PASSWORD,
                        EnumSet.of(role), "en")));
            }
            return created;
        }));
        return TenantContext.call(tenant.id(), () -> {
            try {
                ImportJob job = imports.importNow(new PlacementImports.Request(ImportJob.Kind.PLACEMENT,
                        "fixture.csv", null, "CRED-" + slug, "P-" + slug, "test"),
                        new ByteArrayInputStream(PlacementCsv.of(rows(slug))));
                if (job.status() != ImportJob.Status.SUCCEEDED || job.imported() != 3) {
                    throw new IllegalStateException("fixture import failed: " + job);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<UUID> accounts = jdbc.sql("SELECT id FROM account ORDER BY creditor_ref").query(UUID.class).list();
            return new TestTenant(tenant, byRole, accounts);
        });
    }

    /**
     * {@code n} more accounts in the tenant, each of its own debtor with a phone of their own ({@code +86139…}), in
     * zh-CN; returns their ids in creditor-reference order.
     */
    public List<UUID> addAccounts(TestTenant t, String batch, int n) {
        List<Placement.Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Placement.Row(t.slug() + "-" + batch + "-" + String.format("%03d", i),
                    Placement.Product.CREDIT_CARD, "批量债务人" + i, false,
                    String.format("110101199003%02d%03dX", 1 + i % 28, 100 + i).substring(0, 17) + "X",
                    LocalDate.of(1990, 3, 1 + i % 28), String.format("+86139%08d", 10_000 + i),
                    batch + i + "@example.com", "北京市西城区" + i + "号", "CN-11", "CN", "zh-CN",
                    Currency.getInstance("CNY"), new BigDecimal("2000.00"), BigDecimal.ZERO, BigDecimal.ZERO,
                    BigDecimal.ZERO, LocalDate.of(2026, 10, 1), 40, "62220202001199" + String.format("%03d", i)));
        }
        return TenantContext.call(t.id(), () -> {
            try {
                ImportJob job = imports.importNow(new PlacementImports.Request(ImportJob.Kind.PLACEMENT,
                        batch + ".csv", null, "CRED-" + t.slug(), "P-" + t.slug(), "test"),
                        new ByteArrayInputStream(PlacementCsv.of(rows)));
                if (job.status() != ImportJob.Status.SUCCEEDED || job.imported() != n) {
                    throw new IllegalStateException("extra accounts' import failed: " + job);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return jdbc.sql("SELECT id FROM account WHERE creditor_ref LIKE :p ORDER BY creditor_ref")
                    .param("p", t.slug() + "-" + batch + "-%").query(UUID.class).list();
        });
    }

    private static List<Placement.Row> rows(String slug) {
        List<Placement.Row> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(new Placement.Row(slug + "-" + i, Placement.Product.CREDIT_CARD, "测试债务人" + i, false,
                    "11010119900307" + (100 + i) + "X", LocalDate.of(1990, 3, 7), "+861380013800" + i,
                    "debtor" + i + "@example.com", "北京市东城区" + i + "号", "CN-11", "CN", "zh-CN",
                    Currency.getInstance("CNY"), new BigDecimal("1000.00"), new BigDecimal("12.34"), BigDecimal.ZERO,
                    BigDecimal.ZERO, LocalDate.of(2026, 10, 1), 30 + i * 40, "6222020200112233" + i));
        }
        return rows;
    }

    /** The id of the first contact point of a kind (PHONE, EMAIL …) of an account's debtor. */
    public UUID contactPoint(TestTenant t, UUID account, String kind) {
        return TenantContext.call(t.id(), () -> jdbc.sql("""
                        SELECT cp.id FROM contact_point cp JOIN account a ON a.debtor_id = cp.debtor_id
                        WHERE a.id = :a AND cp.kind = :kind ORDER BY cp.id LIMIT 1""")
                .param("a", account).param("kind", kind).query(UUID.class).single());
    }

    /**
     * The debtor agreed to be contacted at any hour on this contact point: a test that sends now does not depend
     * on the time of day in the debtor's zone.
     */
    public static void anyHour(Api api, String admin, UUID contactPoint) {
        int status = api.post("/api/v1/contact-points/" + contactPoint + "/consents", admin,
                "{\"consent\": \"CONTACT_OUTSIDE_HOURS\"}").status();
        if (status / 100 != 2) {
            throw new AssertionError("granting CONTACT_OUTSIDE_HOURS failed: " + status);
        }
    }
}
