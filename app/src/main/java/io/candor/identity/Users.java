package io.candor.identity;

import static io.candor.platform.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.platform.ids.Ids;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.ConflictException;
import io.candor.platform.web.CursorPage;
import io.candor.platform.web.NotFoundException;
import io.candor.tenancy.Tenant;
import io.candor.tenancy.Tenants;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The current tenant's users. */
@Service
public class Users {

    private static final String COLUMNS = "id, username, display_name, email, roles, locale, enabled, locked_until, created_at";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final Clock clock;
    private final Tenants tenants;

    Users(JdbcClient jdbc, PasswordEncoder passwords, AuditTrail audit, Clock clock, Tenants tenants) {
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates a user in the current tenant; the username must be new there. */
    @Transactional
    public UserView create(NewUser user) {
        UUID tenant = TenantContext.require();
        boolean platform = tenants.find(tenant).map(t -> t.kind() == Tenant.Kind.PLATFORM).orElse(false);
        if (platform != user.roles().contains(Role.OPERATOR) || (platform && user.roles().size() > 1)) {
            throw new BadRequestException(platform
                    ? "The platform organisation has operators only: give the user the role OPERATOR alone."
                    : "OPERATOR is the platform operator's role, not an organisation's: choose from "
                            + Role.tenantRoles() + ".");
        }
        Integer max = tenants.limits(tenant).maxUsers();
        if (max != null && count() >= max) {
            throw new ConflictException("This organisation may have " + max + " users (its limit, set by the platform "
                    + "operator): ask the operator to raise the limit.");
        }
        UUID id = Ids.newId();
        try {
            jdbc.sql("""
                            INSERT INTO app_user (tenant_id, id, username, display_name, email, password_hash, roles,
                                                  locale, created_at)
                            VALUES (:tenant, :id, :username, :name, :email, :hash, :roles, :locale, :now)""")
                    .param("tenant", TenantContext.require()).param("id", id)
                    .param("username", user.username()).param("name", user.displayName())
                    .param("email", user.email()).param("hash", passwords.encode(user.password()))
                    .param("roles", user.roles().stream().map(Role::name).sorted().toArray(String[]::new))
                    .param("locale", user.locale() == null ? "en" : user.locale())
                    .param("now", utc(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("A user named '" + user.username() + "' already exists in this tenant.");
        }
        audit.record(AuditEntry.of(AuditAction.USER_CREATED, "user", id)
                .withDetail(Map.of("username", user.username(), "roles", user.roles().toString())));
        return find(id).orElseThrow();
    }

    public Optional<UserView> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = :id").param("id", id)
                .query(this::view).optional();
    }

    /** Disables or re-enables a user of the current tenant; a disabled user cannot sign in and their tokens fail. */
    @Transactional
    public UserView setEnabled(UUID id, boolean enabled) {
        if (jdbc.sql("UPDATE app_user SET enabled = :e, failed_logins = 0, locked_until = NULL WHERE id = :id")
                .param("e", enabled).param("id", id).update() == 0) {
            throw new NotFoundException("user", id);
        }
        audit.record(AuditEntry.of(enabled ? AuditAction.USER_ENABLED : AuditAction.USER_DISABLED, "user", id));
        return find(id).orElseThrow();
    }

    /**
     * An administrator gives a user a temporary password (strong enough): it unlocks the user, and the user must
     * choose their own at the next sign-in before anything else.
     */
    @Transactional
    public void resetPassword(UUID id, String temporary) {
        UserView user = find(id).orElseThrow(() -> new NotFoundException("user", id));
        requireStrong(temporary, user, "temporary password");
        jdbc.sql("""
                        UPDATE app_user SET password_hash = :hash, must_change_password = true, failed_logins = 0,
                               locked_until = NULL WHERE id = :id""")
                .param("hash", passwords.encode(temporary)).param("id", id).update();
        audit.record(AuditEntry.of(AuditAction.USER_PASSWORD_RESET, "user", id));
    }

    /** Makes the user choose a new password at the next sign-in (someone else chose the current one). */
    public void requirePasswordChange(UUID id) {
        jdbc.sql("UPDATE app_user SET must_change_password = true WHERE id = :id").param("id", id).update();
    }

    /**
     * Changes a user's own password: the current one must be right and the new one strong enough; afterwards no new
     * password is required any more.
     */
    @Transactional
    public void changePassword(UUID id, String current, String chosen) {
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE id = :id FOR UPDATE").param("id", id)
                .query(String.class).optional().orElseThrow(() -> new NotFoundException("user", id));
        if (!passwords.matches(current, hash)) {
            throw new BadRequestException("The current password is wrong: type the one you signed in with.");
        }
        UserView user = find(id).orElseThrow();
        requireStrong(chosen, user, "new password");
        if (passwords.matches(chosen, hash)) {
            throw new BadRequestException("Choose a new password, not the current one.");
        }
        jdbc.sql("UPDATE app_user SET password_hash = :hash, must_change_password = false WHERE id = :id")
                .param("hash", passwords.encode(chosen)).param("id", id).update();
        audit.record(AuditEntry.of(AuditAction.PASSWORD_CHANGED, "user", id));
    }

    /** Refuses a password {@link Passwords} finds weak for this user of the current organisation. */
    private void requireStrong(String password, UserView user, String what) {
        String slug = tenants.find(TenantContext.require()).map(Tenant::slug).orElse("");
        String weak = Passwords.weakness(password, user.username(), slug);
        if (weak != null) {
            throw new BadRequestException("Choose a stronger " + what + ": " + weak + ".");
        }
    }

    /** How many users the current tenant has. */
    public long count() {
        return jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
    }

    /** The user with this username in the current tenant. */
    public Optional<UserView> findByUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE username = :u").param("u", username)
                .query(this::view).optional();
    }

    /** These users (those that exist), by id. */
    public Map<UUID, UserView> of(Collection<UUID> ids) {
        Map<UUID, UserView> users = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = ANY(:ids)").param("ids", ids.toArray(UUID[]::new))
                    .query(this::view).list().forEach(u -> users.put(u.id(), u));
        }
        return users;
    }

    /** The enabled users who hold any of these roles, by username. */
    public List<UserView> enabledWith(Set<Role> roles) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE enabled AND roles && CAST(:roles AS text[]) ORDER BY username")
                .param("roles", roles.stream().map(Role::name).sorted().toArray(String[]::new))
                .query(this::view).list();
    }

    public CursorPage<UserView> list(@Nullable String cursor, int limit) {
        List<UserView> rows = jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id > :after ORDER BY id LIMIT :limit")
                .param("after", CursorPage.after(cursor)).param("limit", limit + 1)
                .query(this::view).list();
        return CursorPage.of(rows, limit, UserView::id);
    }

    /** Changes a user's language (en, zh-CN, zh-TW). */
    @Transactional
    public void changeLocale(UUID id, String locale) {
        jdbc.sql("UPDATE app_user SET locale = :locale WHERE id = :id").param("locale", locale).param("id", id).update();
        audit.record(AuditEntry.of(AuditAction.USER_LOCALE_CHANGED, "user", id).withDetail(Map.of("locale", locale)));
    }

    /** The user's certificates valid on {@code date}. */
    public Set<String> qualifications(UUID user, LocalDate date) {
        return Set.copyOf(jdbc.sql(
                        "SELECT qualification FROM user_qualification WHERE user_id = :user AND valid_until >= :date")
                .param("user", user).param("date", date).query(String.class).list());
    }

    /** A certificate of a user and the last day it is valid. */
    public record Qualification(String name, LocalDate validUntil) {
    }

    /** Every user's certificates, valid or not, by user. */
    public Map<UUID, List<Qualification>> allQualifications() {
        Map<UUID, List<Qualification>> all = new HashMap<>();
        jdbc.sql("SELECT user_id, qualification, valid_until FROM user_qualification ORDER BY qualification")
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), new Qualification(rs.getString(2),
                        rs.getObject(3, LocalDate.class))))
                .list().forEach(e -> all.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return all;
    }

    /** Records a certificate and its validity (replacing an earlier one of the same kind). */
    @Transactional
    public void qualify(UUID user, String qualification, LocalDate validUntil) {
        if (find(user).isEmpty()) {
            throw new NotFoundException("user", user);
        }
        jdbc.sql("""
                        INSERT INTO user_qualification (tenant_id, user_id, qualification, valid_until)
                        VALUES (:tenant, :user, :q, :until)
                        ON CONFLICT (tenant_id, user_id, qualification) DO UPDATE SET valid_until = EXCLUDED.valid_until""")
                .param("tenant", TenantContext.require()).param("user", user).param("q", qualification)
                .param("until", validUntil).update();
        audit.record(AuditEntry.of(AuditAction.USER_QUALIFIED, "user", user).withDetail(Map.of("qualification", qualification,
                "validUntil", validUntil.toString())));
    }

    private UserView view(ResultSet rs, int n) throws SQLException {
        OffsetDateTime lockedUntil = rs.getObject("locked_until", OffsetDateTime.class);
        return new UserView(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
                rs.getString("email"), roles(rs), rs.getString("locale"), rs.getBoolean("enabled"),
                lockedUntil != null && lockedUntil.toInstant().isAfter(clock.instant()),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    static Set<Role> roles(ResultSet rs) throws SQLException {
        String[] names = (String[]) rs.getArray("roles").getArray();
        return Arrays.stream(names).map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }
}
