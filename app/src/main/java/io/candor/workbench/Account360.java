package io.candor.workbench;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.candor.arrangement.Arrangement;
import io.candor.arrangement.ArrangementReads;
import io.candor.compliance.Channel;
import io.candor.compliance.Party;
import io.candor.compliance.gate.ContactGate;
import io.candor.compliance.gate.Holds;
import io.candor.identity.CandorPrincipal;
import io.candor.insight.AccountTimeline;
import io.candor.platform.web.NotFoundException;
import io.candor.portfolio.AccountDetail;
import io.candor.portfolio.Accounts;
import io.candor.portfolio.ContactPreferences;
import io.candor.portfolio.DebtorOverview;
import io.candor.template.Templates;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything about one account on one screen: the debtor and related parties, contact points with validity,
 * consents and opt-outs (each phone and address with what the gate would say now), balances and the debtor's other
 * accounts, the timeline, arrangements, holds, score and reason codes, emotion and vulnerability flags, notes,
 * documents and the approved scripts in the debtor's language. Personal data is masked by the reader's role, and
 * reading it is audited (by the portfolio's account read).
 */
@Service
public class Account360 {

    /** What the gate would say of contacting one point now. */
    public record Reach(AccountDetail.ContactPoint point, Channel channel, ContactGate.Preview gate) {
    }

    /** The last score of the account. */
    public record Score(BigDecimal points, double probability, List<Map<String, Object>> reasons) {
    }

    /** A document on the account: dispute evidence or a letter sent. */
    public record Document(@Nullable UUID id, String kind, String name, String detail, java.time.OffsetDateTime at) {
    }

    /** The whole screen. */
    public record View(AccountDetail account, DebtorOverview.@Nullable Overview debtor, List<Reach> reach,
                       List<AccountTimeline.Event> timeline, List<Arrangement> arrangements,
                       List<Holds.AccountHold> holds, @Nullable Score score, List<String> flags,
                       List<AccountNotes.Note> notes, List<Document> documents, List<Templates.Template> scripts,
                       ContactPreferences.Preference preference) {
    }

    private final Accounts accounts;
    private final DebtorOverview debtors;
    private final AccountTimeline timeline;
    private final ArrangementReads arrangements;
    private final Holds holds;
    private final AccountNotes notes;
    private final ContactGate gate;
    private final Templates templates;
    private final ContactPreferences preferences;
    private final JdbcClient jdbc;

    Account360(Accounts accounts, DebtorOverview debtors, AccountTimeline timeline, ArrangementReads arrangements,
            Holds holds, AccountNotes notes, ContactGate gate, Templates templates, ContactPreferences preferences,
            JdbcClient jdbc) {
        this.accounts = accounts;
        this.debtors = debtors;
        this.timeline = timeline;
        this.arrangements = arrangements;
        this.holds = holds;
        this.notes = notes;
        this.gate = gate;
        this.templates = templates;
        this.preferences = preferences;
        this.jdbc = jdbc;
    }

    @Transactional
    public View of(UUID id, CandorPrincipal reader, ZoneId zone) {
        AccountDetail a = accounts.find(id, reader.roles(), "WORKBENCH").orElseThrow(() -> new NotFoundException(
                "account", id));
        List<Reach> reach = new ArrayList<>();
        for (AccountDetail.ContactPoint p : a.contactPoints()) {
            if (!p.valid()) {
                continue;
            }
            List<Channel> channels = switch (p.kind()) {
                case "PHONE" -> List.of(Channel.VOICE_HUMAN, Channel.SMS);
                case "EMAIL" -> List.of(Channel.EMAIL);
                default -> List.of();
            };
            for (Channel c : channels) {
                reach.add(new Reach(p, c, gate.preview(new ContactGate.Request(id, c, Party.DEBTOR, io.candor.portfolio.ContactPointRef.of(p.id()), null), reader)));
            }
        }
        return new View(a, debtors.of(a.debtor().id(), "WORKBENCH").orElse(null), reach, timeline.forStaff(id, zone),
                arrangements.ofAccount(id), holds.inForce(id), score(id), flags(id), notes.of(id), documents(id, zone),
                scripts(a.debtor().language()), preferences.preference(a.debtor().id()));
    }

    private @Nullable Score score(UUID account) {
        return jdbc.sql("SELECT points, probability, reasons::text FROM account_score WHERE account_id = :a")
                .param("a", account)
                .query((rs, n) -> new Score(rs.getBigDecimal(1), rs.getDouble(2), reasons(rs.getString(3))))
                .optional().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> reasons(String json) {
        Object parsed = tools.jackson.databind.json.JsonMapper.builder().build().readValue(json, Object.class);
        return parsed instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    private List<String> flags(UUID account) {
        return jdbc.sql("""
                        SELECT signal FROM account_signal WHERE account_id = :a
                          AND signal IN ('NEGATIVE_EMOTION', 'VULNERABLE', 'ESCALATED', 'ARRANGEMENT_BROKEN')
                        ORDER BY signal""")
                .param("a", account).query(String.class).list();
    }

    private List<Document> documents(UUID account, ZoneId zone) {
        return jdbc.sql("""
                        SELECT id, 'DISPUTE' AS kind, file_name, content_type || ', ' || size_bytes || ' bytes, sha256 '
                               || left(encode(sha256, 'hex'), 16) || '…', uploaded_at FROM dispute_document
                        WHERE account_id = :a
                        UNION ALL
                        SELECT NULL::uuid, 'LETTER', template_code || ' v' || coalesce(template_version, 0), status, created_at
                        FROM outbound_message WHERE account_id = :a AND channel = 'LETTER'
                        ORDER BY 5 DESC""")
                .param("a", account)
                .query((rs, n) -> new Document(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, java.time.OffsetDateTime.class).atZoneSameInstant(zone).toOffsetDateTime()))
                .list();
    }

    /** Approved texts in the debtor's language (else English), one per template. */
    private List<Templates.Template> scripts(String language) {
        return templates.channels().keySet().stream().sorted()
                .map(code -> templates.forLanguage(code, language, "en").orElse(null))
                .filter(java.util.Objects::nonNull).toList();
    }
}
