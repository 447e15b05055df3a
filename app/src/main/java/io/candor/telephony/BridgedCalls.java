package io.candor.telephony;

import static io.candor.platform.Timestamps.utc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.candor.compliance.Channel;
import io.candor.compliance.Outcome;
import io.candor.compliance.gate.ContactGate;
import io.candor.portfolio.MessageFacts;
import io.candor.platform.Actor;
import io.candor.platform.ids.Ids;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.ConflictException;
import io.candor.platform.web.NotFoundException;
import io.candor.telephony.media.AnsweringMachines;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls Candor bridges as a back-to-back user agent: it rings the collector's extension through the registrar, and
 * once they answer the debtor through the tenant's {@code VOICE_HUMAN} trunk — the gate having allowed the call when
 * it was asked for — then carries each side's sound to the other. The debtor's leg records both sides (the debtor
 * left, what they heard — the collector — right), hashed in chunks as it runs, as AI calls are. Keys the debtor
 * presses reach the collector's phone as RFC 4733 events and are kept only as {@code x}. The call ends when either
 * side hangs up; an answered call's outcome is the collector's disposition, an unanswered one is recorded at once.
 */
@Service
public class BridgedCalls {

    private static final Logger log = LoggerFactory.getLogger(BridgedCalls.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration COLLECTOR_RING = Duration.ofSeconds(20);
    static final Duration DEBTOR_RING = Duration.ofSeconds(45);

    /** The collector's phone: their extension on the registrar at host:port. */
    public record Collector(String registrarHost, int registrarPort, String extension) {
    }

    /** What the dialer hears of a bridged call as it goes. */
    public interface Progress {
        /** The debtor answered and is bridged to the collector. */
        void bridged();

        /** The call ended (bridged or not); {@code transferredTo}: the supervisor who took it over, if anyone did. */
        void ended(String outcome, @Nullable String transferredTo);
    }

    /** A bridged call placed: its id, and the contact the collector's disposition closes. */
    public record Placed(UUID call, UUID contactEvent) {
    }

    /**
     * A campaign's line: how long it rings (at least the rules' minimum), how soon an answered debtor must reach a
     * collector, the information message an abandoned debtor hears by language ({@code en} when theirs is not there;
     * each names the caller and a number to call back), its longest allowed length, and whether an answering-machine
     * detector may judge the answer.
     */
    public record LineRules(Duration ring, Duration connectWithin, Map<String, String> informationMessage,
                            Duration messageMax, boolean detectMachines) {
        public LineRules {
            informationMessage = Map.copyOf(informationMessage);
            if (!informationMessage.containsKey("en")) {
                throw new IllegalArgumentException("the information message needs an English text to fall back on");
            }
        }
    }

    /** The collector an answered line goes to: their phone, and who they are. */
    public record Handoff(Collector phone, String username) {
    }

    /** How a campaign's line ended. */
    public enum LineOutcome {
        /** Nobody answered, the line was busy, or it failed. */
        NOT_ANSWERED,
        /** An answering machine answered (the detector's verdict); nobody was bridged. */
        MACHINE,
        /** A person answered and talked with a collector. */
        BRIDGED,
        /** A person answered and no collector took the call in time: they heard the information message. */
        ABANDONED
    }

    /**
     * A line's end: how it went, how long it rang, how long the collector talked, why, in words, and the supervisor
     * the call was transferred to, if it was.
     */
    public record LineEnd(LineOutcome outcome, Duration rang, Duration talked, String detail,
                          @Nullable String transferredTo) {
    }

    /** A preview call's end: its outcome, and the supervisor it was transferred to, if it was. */
    private record Ended(String outcome, @Nullable String transferredTo) {
    }

    /** What the campaign decides, and hears, as its line goes. */
    public interface Line {
        /**
         * A person answered after ringing for {@code rang}: the collector to bridge them to, or null when none is
         * free — the debtor then hears the information message and the call is abandoned.
         */
        @Nullable Handoff answered(Duration rang);

        /** The collector's phone answered: the debtor is bridged to them. */
        void bridged(Handoff to);

        /** The collector's phone did not answer within the connect window while the debtor held on ({@code result}). */
        void missed(Handoff to, String result);

        /** The line ended. */
        void ended(LineEnd end);
    }

    /** A bridged call going on: its legs, and who hears whom. */
    private static final class Live {
        /** Whom the debtor talks to: the collector, or the supervisor the call was transferred to. */
        volatile MediaSession collector;
        final MediaSession debtor;
        /** The supervisor's call once a transfer was taken: their hanging up ends the call. */
        volatile SipCall.@Nullable Answered taker;
        /** The supervisor who took the call over. */
        volatile @Nullable String takerName;
        volatile boolean transferring;
        volatile @Nullable MediaSession supervisor;
        volatile boolean whisper;
        volatile boolean held;
        volatile boolean ended;

        Live(MediaSession collector, MediaSession debtor) {
            this.collector = collector;
            this.debtor = debtor;
        }

        /** Whether whoever talks to the debtor hung up: the supervisor after a transfer, else {@code collector}. */
        boolean takerGone(SipCall.Answered collectorCall) {
            SipCall.Answered t = taker;
            return t != null ? t.hungUp() : collectorCall.hungUp();
        }

        /**
         * The debtor hears the collector (nobody on hold); the collector hears the debtor, and a whispering supervisor;
         * a supervisor hears both. The debtor never hears the supervisor.
         */
        synchronized void route() {
            MediaSession sup = supervisor;
            if (held || transferring) {
                debtor.hear();
            } else {
                debtor.hear(collector);
            }
            if (sup != null && whisper) {
                collector.hear(held ? new MediaSession[] {sup} : new MediaSession[] {debtor, sup});
            } else {
                collector.hear(held || transferring ? new MediaSession[0] : new MediaSession[] {debtor});
            }
            if (sup != null) {
                sup.hear(debtor, collector);
            }
        }
    }

    private final java.util.concurrent.ConcurrentHashMap<UUID, Live> live = new java.util.concurrent.ConcurrentHashMap<>();
    private final io.candor.audit.AuditTrail audit;
    private final Calls calls;
    private final MediaClock clock;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ContactGate gate;
    private final Clock time;

    BridgedCalls(Calls calls, MediaClock clock, JdbcClient jdbc,
            TransactionTemplate tx, ContactGate gate, Clock time, io.candor.audit.AuditTrail audit) {
        this.audit = audit;
        this.calls = calls;
        this.clock = clock;
        this.jdbc = jdbc;
        this.tx = tx;
        this.gate = gate;
        this.time = time;
    }

    /**
     * Asks the gate for a call to the account's debtor now (a refusal throws with its rules, and nothing rings), then
     * rings {@code collector} and bridges them to the debtor in the background; returns at once.
     */
    public Placed place(UUID account, @Nullable UUID contactPoint, Collector collector, Actor by, Progress progress) {
        Trunk trunk = calls.trunkOf(Channel.VOICE_HUMAN);
        UUID point = Calls.phoneOf(calls.debtorOf(account), contactPoint);
        Calls.Allowed allowed = calls.allow(account, Channel.VOICE_HUMAN, point, by);
        UUID id = Ids.newId();
        UUID tenant = TenantContext.require();
        insert(id, account, point, allowed.reservation(), by);
        Thread.ofVirtual().name("bridge-" + id).start(() -> TenantContext.run(tenant, () -> {
            Ended end = new Ended("FAILED", null);
            try {
                end = run(id, account, allowed, trunk, collector, progress);
            } catch (RuntimeException e) {
                log.warn("Bridged call {} failed: {}", id, e.toString());
            } finally {
                progress.ended(end.outcome(), end.transferredTo());
            }
        }));
        return new Placed(id, allowed.reservation());
    }

    /**
     * A campaign's line: asks the gate for a call to the account's debtor now (a refusal throws with its rules, and
     * nothing rings), rings them for {@code rules.ring()}, and once a person answers bridges them to the collector
     * {@code line} hands the call to — ringing that collector's phone for what is left of the connect window — or,
     * with no collector, or one whose phone does not answer in time, plays the information message and hangs up.
     * Every answered line is recorded, the message included. Returns at once.
     */
    public Placed ring(UUID account, @Nullable UUID contactPoint, Actor by, LineRules rules, Line line) {
        Trunk trunk = calls.trunkOf(Channel.VOICE_HUMAN);
        MessageFacts.Facts debtor = calls.debtorOf(account);
        UUID point = Calls.phoneOf(debtor, contactPoint);
        String language = Stream.of(debtor.language(), debtor.language().split("-")[0], "en")
                .filter(rules.informationMessage()::containsKey).findFirst().orElse("en");
        String text = java.util.Objects.requireNonNull(rules.informationMessage().get(language));
        short[] message = calls.say(text, language);
        if (message.length > rules.messageMax().toMillis() * 8) {
            throw new ConflictException("The information message in " + language + " runs " + message.length / 8
                    + " ms, longer than the " + rules.messageMax().toSeconds() + " s the rules allow: shorten the "
                    + "campaign's caller name.");
        }
        Calls.Allowed allowed = calls.allow(account, Channel.VOICE_HUMAN, point, by);
        UUID id = Ids.newId();
        UUID tenant = TenantContext.require();
        insert(id, account, point, allowed.reservation(), by);
        Thread.ofVirtual().name("line-" + id).start(() -> TenantContext.run(tenant, () -> {
            LineEnd end = new LineEnd(LineOutcome.NOT_ANSWERED, Duration.ZERO, Duration.ZERO, "", null);
            try {
                end = line(id, account, allowed, trunk, rules, message, line);
            } catch (RuntimeException e) {
                log.warn("Campaign line {} failed: {}", id, e.toString());
                end = new LineEnd(LineOutcome.NOT_ANSWERED, Duration.ZERO, Duration.ZERO, e.toString(), null);
            } finally {
                line.ended(end);
            }
        }));
        return new Placed(id, allowed.reservation());
    }

    private void insert(UUID id, UUID account, UUID point, UUID reservation, Actor by) {
        tx.executeWithoutResult(s -> jdbc.sql("""
                        INSERT INTO call (tenant_id, id, account_id, channel, contact_point_id, contact_event_id,
                                          state, started_at, placed_by)
                        VALUES (:tenant, :id, :account, 'VOICE_HUMAN', :point, :event, 'DIALLING', :now, :by)""")
                .param("tenant", TenantContext.require()).param("id", id).param("account", account)
                .param("point", point).param("event", reservation).param("now", utc(time.instant()))
                .param("by", by.username()).update());
    }

    private LineEnd line(UUID id, UUID account, Calls.Allowed allowed, Trunk trunk, LineRules rules, short[] message,
            Line line) {
        StringBuilder keys = new StringBuilder();
        CallRecorder recorder = calls.recorderOf(id);
        MediaSession[] legs = new MediaSession[2]; // collector, debtor
        AnsweringMachines machines = new AnsweringMachines();
        Instant dialled = time.instant();
        Instant[] answeredAt = new Instant[1];
        Instant[] bridgedAt = new Instant[1];
        LineOutcome[] how = {LineOutcome.NOT_ANSWERED};
        StringBuilder why = new StringBuilder();
        SipCall.Outcome d = SipCall.place(trunk.target(allowed.digits()), rules.ring(), host -> {
            try {
                legs[1] = new MediaSession(host, clock, recorder, new MediaSession.Listener() {
                    @Override
                    public void key(char k, boolean inBand) {
                        keys.append('x'); // to the collector, never into the record
                        if (!inBand && legs[0] != null) {
                            legs[0].sendKey(k);
                        }
                    }

                    @Override
                    public void heard(short[] frame) {
                        if (rules.detectMachines()) {
                            machines.accept(frame);
                        }
                    }
                });
                return new SessionMedia(legs[1], () -> {
                    answeredAt[0] = time.instant();
                    calls.markAnswered(id, legs[1].quality().codec());
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, debtorCall -> {
            Instant answered = answeredAt[0];
            Instant connectBy = answered.plus(rules.connectWithin());
            if (rules.detectMachines()) {
                // the detector has until a little before the connect window closes; not sure then is a person
                Instant judgeBy = connectBy.minusMillis(600);
                while (machines.verdict() == null && time.instant().isBefore(judgeBy) && !debtorCall.hungUp()) {
                    debtorCall.awaitHangUp(Duration.ofMillis(20));
                }
                if (machines.verdict() == AnsweringMachines.Verdict.MACHINE) {
                    how[0] = LineOutcome.MACHINE;
                    why.append("An answering machine answered (its greeting's cadence); nobody was bridged.");
                    return;
                }
            }
            Handoff to = debtorCall.hungUp() ? null : line.answered(Duration.between(dialled, answered));
            SipCall.Outcome collectorLeg = null;
            if (to != null) {
                Duration left = Duration.between(time.instant(), connectBy);
                SipCall.Target phone = new SipCall.Target(to.phone().registrarHost(), to.phone().registrarPort(),
                        to.phone().extension(), trunk.from());
                collectorLeg = SipCall.place(phone, left.isNegative() ? Duration.ofMillis(200) : left,
                        unrecordedLeg(legs, () -> {
                            Live l = new Live(legs[0], legs[1]);
                            live.put(id, l);
                            l.route();
                            jdbc.sql("UPDATE call SET placed_by = :who WHERE id = :id").param("who", to.username())
                                    .param("id", id).update();
                            bridgedAt[0] = time.instant();
                            how[0] = LineOutcome.BRIDGED;
                            line.bridged(to);
                        }), collectorCall -> {
                            while (!debtorCall.hungUp() && !collectorCall.hungUp() && !transferred(id)) {
                                debtorCall.awaitHangUp(Duration.ofMillis(200));
                            }
                        }, time);
            }
            if (to != null && how[0] == LineOutcome.BRIDGED) {
                why.append("Bridged to ").append(to.username()).append(" (extension ").append(to.phone().extension())
                        .append(").");
                Live l = live.get(id);
                while (l != null && l.taker != null && !debtorCall.hungUp() && !l.taker.hungUp()) {
                    debtorCall.awaitHangUp(Duration.ofMillis(200)); // transferred: on with the supervisor
                }
                return;
            }
            if (to != null && collectorLeg != null && !debtorCall.hungUp()) {
                line.missed(to, collectorLeg.result().name());
            }
            how[0] = LineOutcome.ABANDONED;
            why.append(to == null || collectorLeg == null ? "No collector was free" : "The phone of "
                    + to.username() + " (extension " + to.phone().extension() + ") did not answer: "
                    + collectorLeg.result())
                    .append(" within ").append(rules.connectWithin().toSeconds())
                    .append(" s of the answer: the debtor heard the information message.");
            legs[1].play(message);
            while (legs[1].playing() && !debtorCall.hungUp()) {
                debtorCall.awaitHangUp(Duration.ofMillis(100));
            }
            debtorCall.awaitHangUp(Duration.ofMillis(300)); // the message's last frame leaves
        }, time);
        boolean answered = d.result() == SipCall.Result.ANSWERED;
        LineOutcome outcome = answered ? how[0] : LineOutcome.NOT_ANSWERED;
        Duration talked = bridgedAt[0] == null ? Duration.ZERO : Duration.between(bridgedAt[0], time.instant());
        String result = switch (outcome) {
            case NOT_ANSWERED -> d.result().name();
            case MACHINE -> "VOICEMAIL";
            case BRIDGED -> "ANSWERED";
            case ABANDONED -> "ABANDONED";
        };
        // a bridged call's collector dispositions it; for the rest, what the gate should know now
        Outcome toGate = switch (outcome) {
            case NOT_ANSWERED -> Calls.contactOutcome(d.result(), AgentCallScript.Reach.SILENT);
            case MACHINE -> Outcome.VOICEMAIL;
            case BRIDGED -> null;
            // someone answered and heard who called and a number to call: nothing of the debt was said
            case ABANDONED -> Outcome.THIRD_PARTY_CONTACT;
        };
        String transferredTo = finish(id, account, recorder, legs[1], d, result, why.isEmpty() ? d.detail()
                : why.toString(), keys, answered, toGate, Map.of("bridged", Boolean.toString(outcome
                == LineOutcome.BRIDGED), "line", outcome.name()), allowed.reservation());
        return new LineEnd(outcome, answeredAt[0] == null ? Duration.between(dialled, time.instant())
                : Duration.between(dialled, answeredAt[0]), talked, why.toString(), transferredTo);
    }

    /**
     * A supervisor's phone joins bridged call {@code call}: it rings, and once answered hears both sides (listen-in,
     * silent to both); with {@code whisper} the collector hears the supervisor too, the debtor never. Hanging up
     * leaves the call as it was. An audited read of the debtor's call.
     */
    public void listen(UUID call, Collector supervisorPhone, boolean whisper, Actor by) {
        Live l = liveOf(call);
        audit.record(io.candor.audit.AuditEntry.read("call", call, whisper ? "whisper to the collector on a call"
                : "listen in on a call"));
        UUID tenant = TenantContext.require();
        SipCall.Target phone = new SipCall.Target(supervisorPhone.registrarHost(), supervisorPhone.registrarPort(),
                supervisorPhone.extension(), "candor");
        Thread.ofVirtual().name("listen-" + call).start(() -> TenantContext.run(tenant, () -> {
            MediaSession[] leg = new MediaSession[1];
            SipCall.Outcome o = SipCall.place(phone, COLLECTOR_RING, unrecordedLeg(leg, () -> {
                l.supervisor = leg[0];
                l.whisper = whisper;
                l.route();
            }), supCall -> {
                while (!l.ended && !supCall.hungUp()) {
                    supCall.awaitHangUp(Duration.ofMillis(200));
                }
            }, time);
            if (l.supervisor == leg[0]) {
                l.supervisor = null;
                l.whisper = false;
                if (!l.ended) {
                    l.route();
                }
            }
            log.info("{} {} call {}: {}", by.username(), whisper ? "whispered on" : "listened in on", call, o.result());
        }));
    }

    /**
     * Transfers bridged call {@code call} to a supervisor's phone: the debtor is on hold while it rings; once answered
     * the debtor talks to the supervisor (recorded as the collector was), the collector's phone is hung up, and
     * {@code taken} hears {@code true} and who had the call; a phone that does not answer gives the call back to the
     * collector ({@code false}). With {@code onlyBy}, only when that user has the call. Audited.
     */
    public void transfer(UUID call, Collector supervisorPhone, String toUsername, @Nullable String onlyBy, Actor by,
            java.util.function.BiConsumer<Boolean, String> taken) {
        Live l = liveOf(call);
        String had = mustHave(call, onlyBy, "transfer");
        if (l.transferring || l.taker != null) {
            throw new ConflictException("Call " + call + " is already being transferred.");
        }
        audit.record(io.candor.audit.AuditEntry.read("call", call, "transfer the call to " + toUsername));
        l.transferring = true;
        l.route(); // the debtor waits on hold
        UUID tenant = TenantContext.require();
        SipCall.Target phone = new SipCall.Target(supervisorPhone.registrarHost(), supervisorPhone.registrarPort(),
                supervisorPhone.extension(), "candor");
        Thread.ofVirtual().name("transfer-" + call).start(() -> TenantContext.run(tenant, () -> {
            MediaSession[] leg = new MediaSession[1];
            SipCall.Answered[] answered = new SipCall.Answered[1];
            SipCall.Outcome o = SipCall.place(phone, COLLECTOR_RING, unrecordedLeg(leg, () -> { }), supCall -> {
                synchronized (l) {
                    l.collector = leg[0];
                    l.taker = supCall;
                    l.takerName = toUsername;
                    l.transferring = false;
                    l.route();
                }
                answered[0] = supCall;
                jdbc.sql("UPDATE call SET placed_by = :who WHERE id = :id").param("who", toUsername)
                        .param("id", call).update();
                taken.accept(true, had);
                while (!l.ended && !supCall.hungUp()) {
                    supCall.awaitHangUp(Duration.ofMillis(200));
                }
            }, time);
            if (answered[0] == null) {
                l.transferring = false;
                if (!l.ended) {
                    l.route(); // back to the collector
                }
                taken.accept(false, had);
            }
            log.info("{} transferred call {} to {}: {}", by.username(), call, toUsername, o.result());
        }));
    }

    /** Whether call {@code id} was transferred and its supervisor took it. */
    private boolean transferred(UUID id) {
        Live l = live.get(id);
        return l != null && l.taker != null;
    }

    private boolean takerGone(UUID id, SipCall.Answered collectorCall) {
        Live l = live.get(id);
        return l == null ? collectorCall.hungUp() : l.takerGone(collectorCall);
    }

    /** Who has call {@code call}; with {@code onlyBy}, refused unless that is them. */
    private String mustHave(UUID call, @Nullable String onlyBy, String what) {
        String had = jdbc.sql("SELECT placed_by FROM call WHERE id = :id").param("id", call).query(String.class)
                .single();
        if (onlyBy != null && !onlyBy.equals(had)) {
            throw new org.springframework.security.access.AccessDeniedException("Call " + call + " is another "
                    + "collector's: only they, or a supervisor, may " + what + " it.");
        }
        return had;
    }

    /**
     * Puts bridged call {@code call} on hold (the debtor hears silence, the collector nothing of them) or back; with
     * {@code onlyBy}, only when that user placed the call (a collector holds their own calls, a supervisor any).
     */
    public void hold(UUID call, boolean on, @Nullable String onlyBy) {
        Live l = liveOf(call);
        mustHave(call, onlyBy, "hold");
        l.held = on;
        l.route();
    }

    /**
     * The media of a leg that is not recorded and whose keys go nowhere (a collector's or supervisor's phone: the
     * debtor's leg records the call); the session is put first in {@code into} before {@code answered} runs.
     */
    private java.util.function.Function<String, SipCall.Media> unrecordedLeg(MediaSession[] into, Runnable answered) {
        return host -> {
            try {
                into[0] = new MediaSession(host, clock, null, (k, inBand) -> { });
                return new SessionMedia(into[0], answered);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private Live liveOf(UUID call) {
        // the tenant's own call (row-level security), and bridged now
        if (calls.find(call).isEmpty()) {
            throw new NotFoundException("call", call);
        }
        Live l = live.get(call);
        if (l == null || l.ended) {
            throw new ConflictException("Call " + call + " is not bridged now: it has not been answered yet, or "
                    + "it has ended.");
        }
        return l;
    }

    private Ended run(UUID id, UUID account, Calls.Allowed allowed, Trunk trunk, Collector collector,
            Progress progress) {
        StringBuilder keys = new StringBuilder();
        CallRecorder recorder = calls.recorderOf(id);
        MediaSession[] legs = new MediaSession[2]; // collector, debtor
        SipCall.Outcome[] debtor = new SipCall.Outcome[1];
        SipCall.Target phone = new SipCall.Target(collector.registrarHost(), collector.registrarPort(),
                collector.extension(), trunk.from());
        UUID tenant = TenantContext.require();
        Thread[] debtorLeg = new Thread[1];
        SipCall.Outcome collectorLeg = SipCall.place(phone, COLLECTOR_RING, unrecordedLeg(legs, () -> { }),
                collectorCall -> {
                    // the debtor's leg runs on: a transfer hangs up on the collector, not on the debtor
                    debtorLeg[0] = Thread.ofVirtual().name("debtor-" + id).start(() -> TenantContext.run(tenant,
                            () -> debtor[0] = debtorLeg(id, allowed, trunk, recorder, legs, keys, progress,
                                    collectorCall)));
                    while (debtorLeg[0].isAlive() && !transferred(id)) {
                        debtorLeg[0].join(200);
                    }
                }, time);
        if (debtorLeg[0] != null) {
            try {
                debtorLeg[0].join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        SipCall.Outcome d = debtor[0];
        String outcome;
        String detail;
        if (collectorLeg.result() != SipCall.Result.ANSWERED) {
            outcome = "FAILED";
            detail = "The collector's phone (extension " + collector.extension() + ") did not answer: "
                    + collectorLeg.result() + "; the debtor was not called.";
        } else if (d == null) {
            outcome = "FAILED";
            detail = "The debtor's leg could not be placed.";
        } else {
            outcome = d.result().name();
            detail = d.detail();
        }
        boolean answered = d != null && d.result() == SipCall.Result.ANSWERED;
        Outcome toGate = d == null ? null : answered ? null
                : Calls.contactOutcome(d.result(), AgentCallScript.Reach.SILENT);
        String transferredTo = finish(id, account, recorder, legs[1], d, outcome, detail, keys, answered, toGate,
                Map.of("bridged", "true", "extension", collector.extension()), allowed.reservation());
        return new Ended(outcome, transferredTo);
    }

    private SipCall.Outcome debtorLeg(UUID id, Calls.Allowed allowed, Trunk trunk, CallRecorder recorder,
            MediaSession[] legs, StringBuilder keys, Progress progress, SipCall.Answered collectorCall) {
        return SipCall.place(trunk.target(allowed.digits()),
                DEBTOR_RING, host -> {
                    try {
                        legs[1] = new MediaSession(host, clock, recorder, (k, inBand) -> {
                            keys.append('x'); // what the debtor keys goes to the collector, never into the record
                            Live l = live.get(id);
                            MediaSession to = l != null ? l.collector : legs[0];
                            if (!inBand && to != null) {
                                to.sendKey(k);
                            }
                        });
                        return new SessionMedia(legs[1], () -> {
                            calls.markAnswered(id, legs[1].quality().codec());
                            Live l = new Live(legs[0], legs[1]);
                            live.put(id, l);
                            l.route();
                            progress.bridged();
                        });
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, debtorCall -> {
                    while (!debtorCall.hungUp() && !takerGone(id, collectorCall)) {
                        debtorCall.awaitHangUp(Duration.ofMillis(200));
                    }
                }, time);
    }

    /**
     * Ends a call's record: its outcome, keys and media figures; an answered call's recording logged and kept; the
     * gate told {@code toGate} when nobody will disposition the call (null: a collector will, or nothing rang).
     * Returns the supervisor the call was transferred to, if it was.
     */
    private @Nullable String finish(UUID id, UUID account, CallRecorder recorder, @Nullable MediaSession debtorLeg,
            SipCall.@Nullable Outcome d, String outcome, String detail, CharSequence keys, boolean recorded,
            @Nullable Outcome toGate, Map<String, String> facts, UUID reservation) {
        Live ended = live.remove(id);
        if (ended != null) {
            ended.ended = true; // a supervisor listening in is hung up on
        }
        byte[] wav = recorder.finish();
        MediaSession.Quality quality = debtorLeg == null ? null : debtorLeg.quality();
        tx.executeWithoutResult(s -> {
            jdbc.sql("""
                            UPDATE call SET state = 'ENDED', outcome = :outcome, sip_call_id = :sip, ended_at = :ended,
                                   dtmf = :dtmf, quality = CAST(:quality AS jsonb), recording_sha256 = :hash,
                                   recording_ms = :ms, detail = :detail
                            WHERE id = :id""")
                    .param("outcome", outcome).param("sip", d == null ? "" : d.callId())
                    .param("ended", utc(time.instant())).param("dtmf", keys.toString())
                    .param("quality", JSON.writeValueAsString(quality == null ? Map.of() : Calls.qualityOf(quality)))
                    .param("hash", recorded ? io.candor.verify.Entry.contentHash(wav) : null)
                    .param("ms", recorded ? recorder.durationMs() : null).param("detail", detail).param("id", id)
                    .update();
            if (recorded) {
                calls.logRecording(id, account, recorder.durationMs(), quality == null ? "" : quality.codec(), wav,
                        facts);
                calls.retain(id, account);
            }
            if (toGate != null) {
                gate.recordOutcome(reservation, toGate);
            }
        });
        calls.dropSpool(id);
        log.info("Bridged call {} ended: {} ({} ms recorded)", id, outcome, recorder.durationMs());
        return ended == null ? null : ended.takerName;
    }
}
