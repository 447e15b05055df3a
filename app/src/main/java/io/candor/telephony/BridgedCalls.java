package io.candor.telephony;

import static io.candor.platform.Timestamps.utc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.candor.compliance.Channel;
import io.candor.compliance.gate.ContactGate;
import io.candor.platform.Actor;
import io.candor.platform.ids.Ids;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.ConflictException;
import io.candor.platform.web.NotFoundException;
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

        /** The call ended (bridged or not). */
        void ended(String outcome);
    }

    /** A bridged call placed: its id, and the contact the collector's disposition closes. */
    public record Placed(UUID call, UUID contactEvent) {
    }

    /** A bridged call going on: its legs, and who hears whom. */
    private static final class Live {
        final MediaSession collector;
        final MediaSession debtor;
        volatile @Nullable MediaSession supervisor;
        volatile boolean whisper;
        volatile boolean held;
        volatile boolean ended;

        Live(MediaSession collector, MediaSession debtor) {
            this.collector = collector;
            this.debtor = debtor;
        }

        /**
         * The debtor hears the collector (nobody on hold); the collector hears the debtor, and a whispering supervisor;
         * a supervisor hears both. The debtor never hears the supervisor.
         */
        synchronized void route() {
            MediaSession sup = supervisor;
            if (held) {
                debtor.hear();
            } else {
                debtor.hear(collector);
            }
            if (sup != null && whisper) {
                collector.hear(held ? new MediaSession[] {sup} : new MediaSession[] {debtor, sup});
            } else {
                collector.hear(held ? new MediaSession[0] : new MediaSession[] {debtor});
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
        tx.executeWithoutResult(s -> jdbc.sql("""
                        INSERT INTO call (tenant_id, id, account_id, channel, contact_point_id, contact_event_id,
                                          state, started_at, placed_by)
                        VALUES (:tenant, :id, :account, 'VOICE_HUMAN', :point, :event, 'DIALLING', :now, :by)""")
                .param("tenant", tenant).param("id", id).param("account", account).param("point", point)
                .param("event", allowed.reservation()).param("now", utc(time.instant())).param("by", by.username())
                .update());
        Thread.ofVirtual().name("bridge-" + id).start(() -> TenantContext.run(tenant, () -> {
            String outcome = "FAILED";
            try {
                outcome = run(id, account, allowed, trunk, collector, progress);
            } catch (RuntimeException e) {
                log.warn("Bridged call {} failed: {}", id, e.toString());
            } finally {
                progress.ended(outcome);
            }
        }));
        return new Placed(id, allowed.reservation());
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
     * Puts bridged call {@code call} on hold (the debtor hears silence, the collector nothing of them) or back; with
     * {@code onlyBy}, only when that user placed the call (a collector holds their own calls, a supervisor any).
     */
    public void hold(UUID call, boolean on, @Nullable String onlyBy) {
        Live l = liveOf(call);
        if (onlyBy != null && !onlyBy.equals(jdbc.sql("SELECT placed_by FROM call WHERE id = :id").param("id", call)
                .query(String.class).single())) {
            throw new org.springframework.security.access.AccessDeniedException("Call " + call + " is another collector's: only they, "
                    + "or a supervisor, may hold it.");
        }
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

    private String run(UUID id, UUID account, Calls.Allowed allowed, Trunk trunk, Collector collector,
            Progress progress) {
        StringBuilder keys = new StringBuilder();
        CallRecorder recorder = calls.recorderOf(id);
        MediaSession[] legs = new MediaSession[2]; // collector, debtor
        SipCall.Outcome[] debtor = new SipCall.Outcome[1];
        SipCall.Target phone = new SipCall.Target(collector.registrarHost(), collector.registrarPort(),
                collector.extension(), trunk.from());
        SipCall.Outcome collectorLeg = SipCall.place(phone, COLLECTOR_RING, unrecordedLeg(legs, () -> { }),
                collectorCall -> debtor[0] = SipCall.place(trunk.target(allowed.digits()),
                DEBTOR_RING, host -> {
                    try {
                        legs[1] = new MediaSession(host, clock, recorder, (k, inBand) -> {
                            keys.append('x'); // what the debtor keys goes to the collector, never into the record
                            if (!inBand && legs[0] != null) {
                                legs[0].sendKey(k);
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
                    while (!debtorCall.hungUp() && !collectorCall.hungUp()) {
                        debtorCall.awaitHangUp(Duration.ofMillis(200));
                    }
                }, time), time);
        Live ended = live.remove(id);
        if (ended != null) {
            ended.ended = true; // a supervisor listening in is hung up on
        }
        byte[] wav = recorder.finish();
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
        MediaSession.Quality quality = legs[1] == null ? null : legs[1].quality();
        tx.executeWithoutResult(s -> {
            jdbc.sql("""
                            UPDATE call SET state = 'ENDED', outcome = :outcome, sip_call_id = :sip, ended_at = :ended,
                                   dtmf = :dtmf, quality = CAST(:quality AS jsonb), recording_sha256 = :hash,
                                   recording_ms = :ms, detail = :detail
                            WHERE id = :id""")
                    .param("outcome", outcome).param("sip", d == null ? "" : d.callId())
                    .param("ended", utc(time.instant())).param("dtmf", keys.toString())
                    .param("quality", JSON.writeValueAsString(quality == null ? Map.of() : Calls.qualityOf(quality)))
                    .param("hash", answered ? io.candor.verify.Entry.contentHash(wav) : null)
                    .param("ms", answered ? recorder.durationMs() : null).param("detail", detail).param("id", id)
                    .update();
            if (answered) {
                calls.logRecording(id, account, recorder.durationMs(), quality == null ? "" : quality.codec(), wav,
                        Map.of("bridged", "true", "extension", collector.extension()));
                calls.retain(id, account);
            } else if (d != null) {
                // nobody to disposition: the attempt's outcome now (a collector whose phone did not answer rang
                // nobody, and the reservation lapses)
                gate.recordOutcome(allowed.reservation(), Calls.contactOutcome(d.result(), AgentCallScript.Reach.SILENT));
            }
        });
        calls.dropSpool(id);
        log.info("Bridged call {} ended: {} ({} ms recorded)", id, outcome, recorder.durationMs());
        return outcome;
    }
}
