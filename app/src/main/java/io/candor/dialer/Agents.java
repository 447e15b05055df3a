package io.candor.dialer;

import static io.candor.platform.Timestamps.utc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.candor.channel.Providers;
import io.candor.platform.Actor;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.ConflictException;
import io.candor.telephony.ExtensionProbe;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Collectors on the call floor: each signs in with their extension and says whether they take calls. READY only
 * while their phone is registered and answering through the tenant's registrar (asked at that moment, and again
 * every half minute by {@link PhoneWatch}); PAUSED with a reason; OFFLINE. ON_CALL and WRAP_UP are the dialer's to
 * set. Every change is kept, for time-in-state.
 */
@Service
class Agents {

    /** A collector's state now. */
    public record View(String username, String extension, AgentState state, @Nullable PauseReason reason,
                       Instant since, @Nullable Instant checkedAt) {
    }

    static final Duration PROBE_WAIT = Duration.ofSeconds(5);
    private static final Pattern EXTENSION = Pattern.compile("[0-9A-Za-z._+-]{1,32}");

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Providers providers;
    private final ExtensionProbe probe;
    private final Clock clock;

    Agents(JdbcClient jdbc, TransactionTemplate tx, Providers providers, ExtensionProbe probe, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.providers = providers;
        this.probe = probe;
        this.clock = clock;
    }

    /**
     * A collector chooses their state (READY, PAUSED with a reason, OFFLINE), with their extension the first time or
     * when it changes. Refused with what to do: READY while the phone is not registered, a pause without a reason,
     * an extension someone else has signed in with, anything while on a call.
     */
    public View choose(Actor who, AgentState state, @Nullable PauseReason reason, @Nullable String extension) {
        Optional<View> now = of(who.username());
        if (state == AgentState.ON_CALL || state == AgentState.WRAP_UP) {
            throw new BadRequestException(state + " is set by the dialer when a call is bridged to you or ends; "
                    + "choose READY, PAUSED (with a reason) or OFFLINE.");
        }
        if (now.isPresent() && now.get().state() == AgentState.ON_CALL) {
            throw new ConflictException("You are on a call: your state changes when it ends (then WRAP_UP).");
        }
        String ext = extension != null && !extension.isBlank() ? extension.strip()
                : now.map(View::extension).orElseThrow(() -> new BadRequestException(
                        "Give your phone's extension (\"extension\":\"1001\") the first time you sign in to the floor."));
        if (!EXTENSION.matcher(ext).matches()) {
            throw new BadRequestException("The extension '" + ext + "' is not one a phone registers: use 1 to 32 "
                    + "letters, digits, or . _ + -.");
        }
        if (state == AgentState.PAUSED && (reason == null || reason == PauseReason.PHONE_UNREACHABLE)) {
            throw new BadRequestException("Say why you pause: one of BREAK, MEAL, TRAINING, MEETING, COACHING, ADMIN, "
                    + "TECHNICAL.");
        }
        jdbc.sql("SELECT username FROM agent_state WHERE extension = :ext AND username <> :me AND state <> 'OFFLINE'")
                .param("ext", ext).param("me", who.username()).query(String.class).optional().ifPresent(other -> {
                    throw new ConflictException("Extension " + ext + " is signed in to the floor by " + other
                            + "; use your own phone's extension, or ask them to sign out (OFFLINE).");
                });
        Instant checked = null;
        if (state == AgentState.READY) {
            Registrar registrar = Registrar.required(providers);
            ExtensionProbe.Presence presence = probe.probe(registrar.host(), registrar.port(), ext, PROBE_WAIT);
            switch (presence) {
                case REGISTERED -> checked = clock.instant();
                case UNREACHABLE -> throw new ConflictException("Extension " + ext + " is not registered with the "
                        + "registrar at " + registrar + ", or its phone does not answer: sign your phone in to it, "
                        + "then choose READY again.", Map.of("extension", ext, "presence", presence.name()));
                case NO_REGISTRAR -> throw new ConflictException("The registrar at " + registrar + " does not "
                        + "answer; ask your administrator to check it (the VOICE_HUMAN channel's registrar).",
                        Map.of("presence", presence.name()));
            }
        }
        PauseReason kept = state == AgentState.PAUSED ? reason : null;
        write(who.username(), ext, state, kept, checked, who.username());
        return of(who.username()).orElseThrow();
    }

    /** The dialer moves a collector on: ON_CALL when a call is bridged to them, WRAP_UP when it ends. */
    void moved(String username, AgentState state, String by) {
        View v = of(username).orElseThrow(() -> new ConflictException(username + " is not on the floor."));
        write(username, v.extension(), state, null, v.checkedAt(), by);
    }

    /**
     * The dialer takes a READY collector for a call: ON_CALL at once, unless they are no longer READY (they paused,
     * signed out, or another campaign took them first). Returns whether they were taken.
     */
    boolean claim(String username) {
        Instant at = clock.instant();
        Boolean taken = tx.execute(s -> {
            int n = jdbc.sql("""
                            UPDATE agent_state SET state = 'ON_CALL', reason = NULL, since = :at
                            WHERE username = :u AND state = 'READY'""")
                    .param("at", utc(at)).param("u", username).update();
            if (n == 1) {
                jdbc.sql("""
                                INSERT INTO agent_state_change (tenant_id, username, at, state, reason, by_user)
                                VALUES (:t, :u, :at, 'ON_CALL', NULL, 'dialer')""")
                        .param("t", TenantContext.require()).param("u", username).param("at", utc(at)).update();
            }
            return n == 1;
        });
        return Boolean.TRUE.equals(taken);
    }

    /** A phone that stopped answering: its collector goes OFFLINE (PHONE_UNREACHABLE), unless on a call. */
    void unreachable(String username) {
        of(username).filter(v -> v.state() != AgentState.ON_CALL && v.state() != AgentState.OFFLINE)
                .ifPresent(v -> write(username, v.extension(), AgentState.OFFLINE, PauseReason.PHONE_UNREACHABLE,
                        v.checkedAt(), "candor"));
    }

    /**
     * The dialer handed a call to a collector whose phone did not answer in time: OFFLINE (PHONE_UNREACHABLE) at
     * once, so no more debtors are handed to it; the collector signs in again once the phone works.
     */
    void handoffMissed(String username) {
        of(username).ifPresent(v -> write(username, v.extension(), AgentState.OFFLINE, PauseReason.PHONE_UNREACHABLE,
                v.checkedAt(), "dialer"));
    }

    /** A phone found answering: when it was last checked. */
    void reachable(String username) {
        jdbc.sql("UPDATE agent_state SET checked_at = :now WHERE username = :u").param("now", utc(clock.instant()))
                .param("u", username).update();
    }

    private void write(String username, String ext, AgentState state, @Nullable PauseReason reason,
            @Nullable Instant checked, String by) {
        Instant at = clock.instant();
        tx.executeWithoutResult(s -> {
            jdbc.sql("""
                            INSERT INTO agent_state (tenant_id, username, extension, state, reason, since, checked_at)
                            VALUES (:t, :u, :ext, :state, :reason, :at, :checked)
                            ON CONFLICT (tenant_id, username) DO UPDATE SET extension = EXCLUDED.extension,
                                state = EXCLUDED.state, reason = EXCLUDED.reason,
                                since = CASE WHEN agent_state.state = EXCLUDED.state
                                             AND agent_state.reason IS NOT DISTINCT FROM EXCLUDED.reason
                                        THEN agent_state.since ELSE EXCLUDED.since END,
                                checked_at = coalesce(EXCLUDED.checked_at, agent_state.checked_at)""")
                    .param("t", TenantContext.require()).param("u", username).param("ext", ext).param("state", state.name())
                    .param("reason", reason == null ? null : reason.name()).param("at", utc(at))
                    .param("checked", checked == null ? null : utc(checked)).update();
            jdbc.sql("""
                            INSERT INTO agent_state_change (tenant_id, username, at, state, reason, by_user)
                            VALUES (:t, :u, :at, :state, :reason, :by)""")
                    .param("t", TenantContext.require()).param("u", username).param("at", utc(at))
                    .param("state", state.name())
                    .param("reason", reason == null ? null : reason.name()).param("by", by).update();
        });
    }

    public Optional<View> of(String username) {
        return jdbc.sql("SELECT * FROM agent_state WHERE username = :u").param("u", username).query(this::view)
                .optional();
    }

    /** Everyone on the floor, by state then name. */
    public List<View> floor() {
        return jdbc.sql("""
                        SELECT * FROM agent_state
                        ORDER BY array_position(ARRAY['ON_CALL','WRAP_UP','READY','PAUSED','OFFLINE'], state), username""")
                .query(this::view).list();
    }

    /** Those whose phones the watch asks after: anyone taking or able to take calls. */
    List<View> watched() {
        return floor().stream().filter(v -> v.state() == AgentState.READY || v.state() == AgentState.PAUSED
                || v.state() == AgentState.WRAP_UP).toList();
    }

    private View view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String reason = rs.getString("reason");
        OffsetDateTime checked = rs.getObject("checked_at", OffsetDateTime.class);
        return new View(rs.getString("username"), rs.getString("extension"), AgentState.valueOf(rs.getString("state")),
                reason == null ? null : PauseReason.valueOf(reason),
                rs.getObject("since", OffsetDateTime.class).toInstant(), checked == null ? null : checked.toInstant());
    }
}
