package io.candor.compliance.gate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.candor.compliance.Channel;
import io.candor.compliance.Contact;
import io.candor.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the gate recorded, for other modules to read: the account a contact event belongs to, why a contact was
 * refused, and who contacted which accounts lately. Only the gate writes decisions and events.
 */
@Service
public class ContactRecords {

    /** A refused contact: on which channel, by which rules, and when it would be allowed again, if ever. */
    public record Refusal(Channel channel, List<String> rules, @Nullable Instant nextAllowedAt) {
    }

    private final JdbcClient jdbc;

    ContactRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the gate decided on any contact since {@code since}. */
    public boolean anyDecisionSince(Instant since) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM contact_decision WHERE proposed_at > :since)")
                .param("since", Timestamps.utc(since)).query(Boolean.class).single();
    }

    /** The account a contact event (an allowed contact) was made on. */
    public Optional<UUID> accountOf(UUID contactEvent) {
        return jdbc.sql("SELECT account_id FROM contact_event WHERE id = :id").param("id", contactEvent)
                .query(UUID.class).optional();
    }

    /** A refusal the gate recorded on this account, by the decision's id. */
    public Optional<Refusal> refusal(UUID decision, UUID account) {
        return jdbc.sql("""
                        SELECT channel, rules, next_allowed_at FROM contact_decision
                        WHERE id = :id AND account_id = :a AND decision = 'DENY'""")
                .param("id", decision).param("a", account)
                .query((rs, n) -> {
                    OffsetDateTime next = rs.getObject(3, OffsetDateTime.class);
                    return new Refusal(Channel.valueOf(rs.getString(1)),
                            Arrays.asList((String[]) rs.getArray(2).getArray()), next == null ? null : next.toInstant());
                })
                .optional();
    }

    /**
     * The contact history of these debtors since {@code since}, oldest first: every contact with an outcome, and
     * those reserved and still in progress at {@code now} — what the rules count (service messages are not).
     */
    public Map<UUID, List<Contact>> history(Collection<UUID> debtors, Instant since, Instant now) {
        Map<UUID, List<Contact>> history = new HashMap<>();
        if (debtors.isEmpty()) {
            return history;
        }
        jdbc.sql("""
                        SELECT debtor_id, channel, party, contact_point, at, outcome FROM contact_event
                        WHERE debtor_id = ANY(:debtors) AND at > :since AND purpose <> 'SERVICE'
                          AND (outcome IS NOT NULL OR reserved_until > :now)
                        ORDER BY at""")
                .param("debtors", debtors.toArray(UUID[]::new)).param("since", Timestamps.utc(since))
                .param("now", Timestamps.utc(now))
                .query((rs, n) -> history.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(ContactGate.historyEntry(rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6))))
                .list();
        return history;
    }

    /** Of these accounts, those each user (by username) asked the gate about since {@code since}. */
    public Map<String, Set<UUID>> decidedBy(Collection<UUID> accounts, Instant since) {
        Map<String, Set<UUID>> by = new HashMap<>();
        if (accounts.isEmpty()) {
            return by;
        }
        jdbc.sql("""
                        SELECT DISTINCT decided_by, account_id FROM contact_decision
                        WHERE account_id = ANY(:ids) AND decided_at > :since""")
                .param("ids", accounts.toArray(UUID[]::new)).param("since", Timestamps.utc(since))
                .query((rs, n) -> by.computeIfAbsent(rs.getString(1), k -> new HashSet<>())
                        .add(rs.getObject(2, UUID.class)))
                .list();
        return by;
    }
}
