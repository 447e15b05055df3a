package io.candor.arrangement;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.candor.channel.Sends;
import io.candor.compliance.Channel;
import io.candor.compliance.Party;
import io.candor.compliance.gate.ContactGate;
import io.candor.platform.Actor;
import io.candor.platform.money.Money;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import io.candor.portfolio.AccountReadModel;
import io.candor.portfolio.ContactPointRef;
import io.candor.portfolio.ContactPreferences;
import io.candor.portfolio.MessageFacts;
import io.candor.tenancy.EachTenant;
import io.candor.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * A reminder before each instalment falls due ({@value #DAYS_BEFORE} days ahead, by text — or by e-mail when the
 * debtor prefers it): while an arrangement is in force the strategy leaves the debtor alone, so this is the one
 * message they get. Once per instalment (the send's key); sent only when the gate allows it now — a pass in the
 * debtor's quiet hours sends nothing and the next pass tries again — and like every message through the approved
 * template ({@code instalment-reminder-sms} / {@code -email}) in the debtor's language. A tenant without the template
 * sends no reminders.
 */
@Service
public class InstalmentReminders {

    private static final Logger log = LoggerFactory.getLogger(InstalmentReminders.class);
    static final int DAYS_BEFORE = 3;
    static final Actor REMINDERS = Actor.of(new UUID(0, 4), "instalment-reminders");

    /** What one pass did. */
    public record Summary(int due, int sent, int waiting, int refused) {
    }

    private final JdbcClient jdbc;
    private final Sends sends;
    private final ContactGate gate;
    private final Tenants tenants;
    private final EachTenant each;
    private final AccountReadModel accounts;
    private final ContactPreferences preferences;
    private final MessageFacts facts;

    InstalmentReminders(JdbcClient jdbc, Sends sends, ContactGate gate, Tenants tenants, EachTenant each,
            AccountReadModel accounts, ContactPreferences preferences, MessageFacts facts) {
        this.accounts = accounts;
        this.preferences = preferences;
        this.facts = facts;
        this.jdbc = jdbc;
        this.sends = sends;
        this.gate = gate;
        this.tenants = tenants;
        this.each = each;
    }

    @Scheduled(fixedDelayString = "${candor.arrangements.monitor-interval:15m}",
            initialDelayString = "${candor.arrangements.monitor-interval:15m}")
    void onSchedule() {
        each.runActive("Instalment reminders", () -> remind(tenants.businessDate(TenantContext.require())));
    }

    private record Due(UUID arrangement, UUID account, int seq, LocalDate on, long amountMinor, String currency) {
    }

    /** Reminds of every instalment due within the next days of {@code today} not reminded of yet. */
    public Summary remind(LocalDate today) {
        List<Due> due = jdbc.sql("""
                        SELECT i.arrangement_id, r.account_id, i.seq, i.due_on, i.amount_minor - i.paid_minor, r.currency
                        FROM arrangement_instalment i
                        JOIN arrangement r ON r.tenant_id = i.tenant_id AND r.id = i.arrangement_id
                        WHERE r.status = 'ACTIVE' AND i.status IN ('DUE', 'PARTIAL')
                          AND i.due_on BETWEEN :today AND :until""")
                .param("today", today).param("until", today.plusDays(DAYS_BEFORE))
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                        rs.getObject(4, LocalDate.class), rs.getLong(5), rs.getString(6).strip()))
                .list();
        int sent = 0;
        int waiting = 0;
        int refused = 0;
        for (Due d : due) {
            String key = "instalment-reminder:" + d.arrangement() + ":" + d.seq();
            if (sends.byKey(key).isPresent()) {
                continue;
            }
            UUID debtor = accounts.require(d.account()).debtor();
            Channel channel = "EMAIL".equals(preferences.preference(debtor).channel()) ? Channel.EMAIL : Channel.SMS;
            String code = "instalment-reminder-" + (channel == Channel.EMAIL ? "email" : "sms");
            // the point the message will go to (as the send pipeline picks it), for the gate's preview
            ContactPointRef point = facts.pointFor(debtor, channel.reaches())
                    .<ContactPointRef>map(ContactPointRef::of).orElseGet(ContactPointRef.Missing::new);
            ContactGate.Preview now = gate.preview(new ContactGate.Request(d.account(), channel, Party.DEBTOR, point,
                    null), REMINDERS);
            if (now.verdict() != ContactGate.Verdict.ALLOW) {
                waiting++;
                continue;
            }
            try {
                Sends.Message m = sends.send(d.account(), code, key, REMINDERS, Map.of("due_date", d.on().toString(),
                        "amount", Money.ofMinor(d.amountMinor(), d.currency()).toString()));
                if (m.status().undelivered()) {
                    refused++;
                } else {
                    sent++;
                }
            } catch (BadRequestException e) {
                log.debug("No instalment reminder for {}: {}", d.account(), e.getMessage());
                return new Summary(due.size(), sent, waiting, refused);
            }
        }
        return new Summary(due.size(), sent, waiting, refused);
    }
}
