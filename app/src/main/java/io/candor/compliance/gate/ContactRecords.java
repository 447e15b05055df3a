package io.candor.compliance.gate;

import java.time.Instant;
import java.time.OffsetDateTime;
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
import io.candor.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the gate recorded, for other modules to read: the account a contact event belongs to, why a contact was
 * refused, and who contacted which accounts lately. Only the gate writes decisions and events.
 */
@Service
public class ContactRecords {

    /** A refused contact: on which channel, by which rules, and when it would be allowed again, if ever. */
    public record Refusal(Channel channel, List<String> rules, Instant nextAllowedAt) {
    }

    private final JdbcClient jdbc;

    ContactRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
