package io.candor.workbench;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.candor.arrangement.Arrangement;
import io.candor.arrangement.ArrangementReads;
import io.candor.channel.Sends;
import io.candor.compliance.Channel;
import io.candor.compliance.Party;
import io.candor.compliance.gate.ContactGate;
import io.candor.compliance.gate.Holds;
import io.candor.identity.CandorPrincipal;
import io.candor.insight.AccountTimeline;
import io.candor.platform.web.NotFoundException;
import io.candor.portal.DisputeDocuments;
import io.candor.portfolio.AccountDetail;
import io.candor.portfolio.Accounts;
import io.candor.portfolio.ContactPointRef;
import io.candor.portfolio.ContactPreferences;
import io.candor.portfolio.DebtorOverview;
import io.candor.scoring.Scores;
import io.candor.strategy.planning.AccountSignals;
import io.candor.strategy.planning.AccountSignals.Signal;
import io.candor.template.Templates;
import org.jspecify.annotations.Nullable;
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
class Account360 {

    /** What the gate would say of contacting one point now. */
    public record Reach(AccountDetail.ContactPoint point, Channel channel, ContactGate.Preview gate) {
    }

    /** The channels a collector contacts a point on from this screen. */
    private static final Set<Channel> COLLECTOR_CHANNELS = EnumSet.of(Channel.VOICE_HUMAN, Channel.SMS, Channel.EMAIL);

    /** The signals the screen flags. */
    private static final Set<Signal> FLAGS = EnumSet.of(Signal.NEGATIVE_EMOTION, Signal.VULNERABLE, Signal.ESCALATED,
            Signal.ARRANGEMENT_BROKEN);

    /** The last score of the account. */
    public record Score(BigDecimal points, double probability, List<Map<String, Object>> reasons) {
    }

    /** A document on the account: dispute evidence or a letter sent. */
    public record Document(@Nullable UUID id, String kind, String name, String detail, OffsetDateTime at) {
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
    private final Scores scores;
    private final AccountSignals signals;
    private final DisputeDocuments disputes;
    private final Sends sends;

    Account360(Accounts accounts, DebtorOverview debtors, AccountTimeline timeline, ArrangementReads arrangements,
            Holds holds, AccountNotes notes, ContactGate gate, Templates templates, ContactPreferences preferences,
            Scores scores, AccountSignals signals, DisputeDocuments disputes, Sends sends) {
        this.scores = scores;
        this.signals = signals;
        this.disputes = disputes;
        this.sends = sends;
        this.accounts = accounts;
        this.debtors = debtors;
        this.timeline = timeline;
        this.arrangements = arrangements;
        this.holds = holds;
        this.notes = notes;
        this.gate = gate;
        this.templates = templates;
        this.preferences = preferences;
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
            for (Channel c : Channel.reaching(p.kind()).stream().filter(COLLECTOR_CHANNELS::contains).toList()) {
                reach.add(new Reach(p, c, gate.preview(new ContactGate.Request(id, c, Party.DEBTOR, ContactPointRef.of(p.id()), null), reader)));
            }
        }
        return new View(a, debtors.of(a.debtor().id(), "WORKBENCH").orElse(null), reach, timeline.forStaff(id, zone),
                arrangements.ofAccount(id), holds.inForce(id), score(id), flags(id), notes.of(id), documents(id, zone),
                scripts(a.debtor().language()), preferences.preference(a.debtor().id()));
    }

    private @Nullable Score score(UUID account) {
        return scores.last(account).map(s -> new Score(s.points(), s.probability(), s.reasons())).orElse(null);
    }

    private List<String> flags(UUID account) {
        return signals.of(account).stream().filter(FLAGS::contains).map(Enum::name).toList();
    }

    /** The dispute documents on file and the letters sent, newest first. */
    private List<Document> documents(UUID account, ZoneId zone) {
        List<Document> all = new ArrayList<>();
        disputes.of(account).forEach(d -> all.add(new Document(d.id(), "DISPUTE", d.fileName(), d.contentType() + ", "
                + d.sizeBytes() + " bytes, sha256 " + d.sha256().substring(0, 16) + "…",
                d.uploadedAt().atZoneSameInstant(zone).toOffsetDateTime())));
        sends.ofAccount(account, Channel.LETTER).forEach(m -> all.add(new Document(
                null, "LETTER", m.template() + " v" + (m.templateVersion() == null ? 0 : m.templateVersion()),
                m.status().name(), m.createdAt().atZone(zone).toOffsetDateTime())));
        all.sort(Comparator.comparing(Document::at).reversed());
        return all;
    }

    /** Approved texts in the debtor's language (else English), one per template. */
    private List<Templates.Template> scripts(String language) {
        return templates.channels().keySet().stream().sorted()
                .map(code -> templates.forLanguage(code, language, "en").orElse(null))
                .filter(Objects::nonNull).toList();
    }
}
