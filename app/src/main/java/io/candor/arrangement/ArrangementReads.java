package io.candor.arrangement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.candor.platform.money.Money;
import io.candor.platform.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reading arrangements with their instalments and approval trail. */
@Service
public class ArrangementReads {

    private final JdbcClient jdbc;

    ArrangementReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Arrangement find(UUID id) {
        return one(id).orElseThrow(() -> new NotFoundException("arrangement", id));
    }

    public Optional<Arrangement> one(UUID id) {
        return jdbc.sql("SELECT * FROM arrangement WHERE id = :id").param("id", id).query(this::row).optional();
    }

    /** The account's arrangement in force or waiting for approval, if any. */
    public Optional<Arrangement> live(UUID account) {
        return jdbc.sql("SELECT * FROM arrangement WHERE account_id = :a AND status IN ('PENDING_APPROVAL', 'ACTIVE')")
                .param("a", account).query(this::row).optional();
    }

    /** Every arrangement on an account, newest first. */
    public List<Arrangement> ofAccount(UUID account) {
        return jdbc.sql("SELECT * FROM arrangement WHERE account_id = :a ORDER BY created_at DESC, id")
                .param("a", account).query(this::row).list();
    }

    /** Arrangements in a status, oldest first (the approval queue: PENDING_APPROVAL). */
    public List<Arrangement> inStatus(Status status, int limit) {
        return jdbc.sql("SELECT * FROM arrangement WHERE status = :s ORDER BY created_at, id LIMIT :limit")
                .param("s", status.name()).param("limit", limit).query(this::row).list();
    }

    /** The terms an arrangement was agreed on, for re-checking against the policy (approval). */
    Terms terms(Arrangement a) {
        return new Terms(a.kind(), a.instalments().stream().map(i -> new Due(i.dueOn(), i.amount().minor())).toList(),
                a.balance().minor(), a.discount().minor(), a.ratePct(), a.bufferDays(), a.reason());
    }

    private Arrangement row(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String c = rs.getString("currency").strip();
        List<Arrangement.Instalment> instalments = jdbc.sql("""
                        SELECT seq, due_on, amount_minor, paid_minor, status FROM arrangement_instalment
                        WHERE arrangement_id = :id ORDER BY seq""")
                .param("id", id)
                .query((r, k) -> new Arrangement.Instalment(r.getInt(1), r.getObject(2, LocalDate.class),
                        Money.ofMinor(r.getLong(3), c), Money.ofMinor(r.getLong(4), c), InstalmentStatus.valueOf(r.getString(5))))
                .list();
        List<Arrangement.Decision> decisions = jdbc.sql("""
                        SELECT decision, decided_by, decided_as, note, at FROM arrangement_decision
                        WHERE arrangement_id = :id ORDER BY at""")
                .param("id", id)
                .query((r, k) -> new Arrangement.Decision(r.getString(1), r.getString(2), Offerer.valueOf(r.getString(3)),
                        r.getString(4), r.getObject(5, OffsetDateTime.class).toInstant()))
                .list();
        String level = rs.getString("approval_level");
        return new Arrangement(id, rs.getObject("account_id", UUID.class), Kind.valueOf(rs.getString("kind")),
                Status.valueOf(rs.getString("status")), Money.ofMinor(rs.getLong("balance_minor"), c),
                Money.ofMinor(rs.getLong("total_minor"), c), Money.ofMinor(rs.getLong("discount_minor"), c),
                Money.ofMinor(rs.getLong("paid_minor"), c), rs.getBigDecimal("rate_pct"),
                (Integer) rs.getObject("buffer_days"), rs.getObject("review_on", LocalDate.class), rs.getString("reason"),
                rs.getString("offered_by"), Offerer.valueOf(rs.getString("offered_as")),
                level == null ? null : Offerer.valueOf(level), rs.getObject("created_on", LocalDate.class),
                rs.getObject("activated_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class), instalments,
                decisions);
    }
}
