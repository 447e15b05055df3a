package io.candor.telephony;

import static io.candor.platform.Timestamps.utc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.candor.agent.Conversations;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.channel.Providers;
import io.candor.compliance.Channel;
import io.candor.compliance.Outcome;
import io.candor.compliance.Party;
import io.candor.compliance.gate.ContactGate;
import io.candor.evidence.ContentStore;
import io.candor.platform.Actor;
import io.candor.platform.CandorProperties;
import io.candor.platform.ids.Ids;
import io.candor.platform.evidence.EvidenceEvent;
import io.candor.platform.evidence.EvidenceType;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.ConflictException;
import io.candor.platform.web.NotFoundException;
import io.candor.portfolio.ContactPointKind;
import io.candor.portfolio.ContactPointRef;
import io.candor.portfolio.ContactPointResolution;
import io.candor.portfolio.ContactTargets;
import io.candor.portfolio.Creditors;
import io.candor.portfolio.MessageFacts;
import io.candor.verify.Entry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls on the tenant's trunk: the contact gate decides at dial time (a refusal is answered with its rules and the
 * next allowed time, and nothing rings); one call per idempotency key; at most the trunk's {@code maxCalls} at once.
 * The call runs in the background — media, the agent's script, the recording hashed in chunks as it goes — and ends
 * with its outcome in the contact history and the gate's counters, and the recording in the evidence log
 * ({@code CALL_RECORDED}, its SHA-256) and the content store.
 */
@Service
class Calls {

    private static final Logger log = LoggerFactory.getLogger(Calls.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A call as the API shows it. */
    public record View(UUID id, UUID account, String channel, String state, @Nullable String outcome, Instant startedAt,
                       @Nullable Instant answeredAt, @Nullable Instant endedAt, @Nullable Long durationMs, String dtmf,
                       List<Map<String, Object>> transcript, Map<String, Object> quality, @Nullable Recording recording,
                       String detail) {
    }

    /**
     * The recording of a call: its hash, length, where to download it, and its chunks (five seconds each, hashed while
     * the call ran) with the chain hash over them — what proves a recording cut short by a crash.
     */
    public record Recording(String sha256, long durationMs, String url, long chunks, String chain,
                            java.time.@Nullable LocalDate keepUntil, @Nullable Instant erasedAt) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Providers providers;
    private final ContactGate gate;
    private final MessageFacts facts;
    private final ContactTargets targets;
    private final MediaClock clock;
    private final CallPrompts prompts;
    private final ContentStore content;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock time;
    private final Conversations conversations;
    private final SpeechIn speechIn;
    private final Creditors creditors;
    private final RecordingRetention retention = RecordingRetention.shipped();
    private final Path spool;
    private final Map<UUID, AtomicInteger> live = new ConcurrentHashMap<>();

    /** A call's recording chunks summed up, the call's id to follow: how many, and the chain's last link. */
    private static final String CHUNKS = "SELECT count(*) AS chunks, (array_agg(chain ORDER BY chunk DESC))[1] AS chain "
            + "FROM call_recording_chunk WHERE call_id = ";

    Calls(JdbcClient jdbc, TransactionTemplate tx, Providers providers, ContactGate gate, MessageFacts facts,
            ContactTargets targets, MediaClock clock, io.candor.agent.speech.Speech speech, ContentStore content, AuditTrail audit,
            ApplicationEventPublisher events, Clock time, CandorProperties properties, Conversations conversations,
            SpeechIn speechIn, Creditors creditors) {
        this.speechIn = speechIn;
        this.creditors = creditors;
        this.jdbc = jdbc;
        this.tx = tx;
        this.providers = providers;
        this.gate = gate;
        this.facts = facts;
        this.targets = targets;
        this.clock = clock;
        this.prompts = new CallPrompts(speech);
        this.content = content;
        this.audit = audit;
        this.events = events;
        this.time = time;
        this.conversations = conversations;
        this.spool = (properties.dataDir() == null ? Path.of("data") : properties.dataDir()).resolve("call-spool");
    }

    /**
     * Places a call to the account's debtor, on {@code contactPoint} or their phone; returns the call's id at once.
     * The same idempotency key returns the call it placed before.
     */
    public UUID place(UUID account, Channel channel, @Nullable UUID contactPoint, @Nullable String idempotencyKey,
            Actor by) {
        if (channel != Channel.VOICE_AI) {
            throw new BadRequestException("Candor places " + channel + " calls from the workbench; this API places "
                    + "VOICE_AI calls: send \"channel\":\"VOICE_AI\".");
        }
        UUID tenant = TenantContext.require();
        if (idempotencyKey != null) {
            Optional<UUID> before = jdbc.sql("SELECT id FROM call WHERE idempotency_key = :key")
                    .param("key", idempotencyKey).query(UUID.class).optional();
            if (before.isPresent()) {
                return before.get();
            }
        }
        Trunk trunk = trunkOf(channel);
        MessageFacts.Facts f = debtorOf(account);
        UUID point = phoneOf(f, contactPoint);
        AtomicInteger lines = live.computeIfAbsent(tenant, t -> new AtomicInteger());
        if (lines.incrementAndGet() > trunk.maxCalls()) {
            lines.decrementAndGet();
            throw new ConflictException("All " + trunk.maxCalls() + " lines of the " + channel + " trunk are in use; "
                    + "place the call again when one ends, or raise maxCalls.", Map.of("maxCalls", trunk.maxCalls()));
        }
        boolean started = false;
        try {
            UUID id = Ids.newId();
            Allowed allowed = allow(account, channel, point, by);
            UUID reservation = allowed.reservation();
            tx.executeWithoutResult(s -> jdbc.sql("""
                            INSERT INTO call (tenant_id, id, account_id, channel, contact_point_id, contact_event_id,
                                              idempotency_key, state, started_at, placed_by)
                            VALUES (:tenant, :id, :account, :channel, :point, :event, :key, 'DIALLING', :now, :by)""")
                    .param("tenant", tenant).param("id", id).param("account", account).param("channel", channel.name())
                    .param("point", point).param("event", reservation).param("key", idempotencyKey)
                    .param("now", utc(time.instant())).param("by", by.username()).update());
            Thread.ofVirtual().name("call-" + id).start(() -> TenantContext.run(tenant, () -> {
                try {
                    run(id, account, reservation, trunk, allowed.digits(), f, by);
                } finally {
                    lines.decrementAndGet();
                }
            }));
            started = true;
            return id;
        } finally {
            if (!started) {
                lines.decrementAndGet();
            }
        }
    }

    /** The tenant's trunk for {@code channel}, or what to set. */
    Trunk trunkOf(Channel channel) {
        return Trunk.of(providers.find(channel).orElseThrow(() -> new BadRequestException("No " + channel
                + " trunk is set: PUT /api/v1/channels/" + channel + " with {\"settings\":{\"host\",\"port\","
                + "\"transport\":\"udp\",\"from\",\"maxCalls\""
                + (channel == Channel.VOICE_HUMAN ? ",\"registrar\"" : "") + "},\"secret\":…}.")));
    }

    /** What a call to the account's debtor needs to know of them. */
    MessageFacts.Facts debtorOf(UUID account) {
        return facts.of(account, "place a call").orElseThrow(() -> new NotFoundException("account", account));
    }

    /** The contact point to ring: the one named, or the debtor's phone. */
    static UUID phoneOf(MessageFacts.Facts f, @Nullable UUID contactPoint) {
        return contactPoint != null ? contactPoint : f.point(ContactPointKind.PHONE).map(MessageFacts.Point::id)
                .orElseThrow(() -> new ConflictException("The debtor has no valid phone to call; add one or name a "
                        + "contact point."));
    }

    /** A call the gate allowed: the contact it reserved, and the number it allowed. */
    record Allowed(UUID reservation, String number) {
        /** The number as a trunk dials it: its digits. */
        String digits() {
            return number.replaceAll("[^0-9]", "");
        }
    }

    /**
     * Asks the gate, now, for a call to the debtor's {@code point}; refused, throws with the gate's rules and next
     * allowed time. The number is the gate's own resolution of the point, never a second lookup of ours.
     */
    Allowed allow(UUID account, Channel channel, UUID point, Actor by) {
        ContactGate.Answer answer = tx.execute(s -> gate.decide(new ContactGate.Request(account, channel,
                Party.DEBTOR, ContactPointRef.of(point), null), by));
        UUID reservation = answer.reservation();
        if (reservation == null) {
            throw new ContactGate.Refused("call", answer);
        }
        String number = targets.peek(account, ContactPointRef.of(point)).map(ContactTargets.ContactTarget::point)
                .filter(ContactPointResolution.Resolved.class::isInstance).map(ContactPointResolution.Resolved.class::cast)
                .map(ContactPointResolution.Resolved::value).orElseThrow();
        return new Allowed(reservation, number);
    }

    /** The recorder of call {@code id}: its spool file, each chunk's hash chained in the call's tenant. */
    CallRecorder recorderOf(UUID id) {
        UUID tenant = TenantContext.require();
        // chunks are written on the recording's own thread: the tenant goes with them
        return new CallRecorder(spoolOf(id), chunk -> TenantContext.run(tenant, () -> jdbc.sql("""
                        INSERT INTO call_recording_chunk (tenant_id, call_id, chunk, bytes, sha256, chain)
                        VALUES (:tenant, :call, :chunk, :bytes, :sha, :chain)""")
                .param("tenant", tenant).param("call", id).param("chunk", chunk.index())
                .param("bytes", chunk.bytes()).param("sha", chunk.sha256()).param("chain", chunk.chain()).update()));
    }

    private void run(UUID id, UUID account, UUID reservation, Trunk trunk, String number, MessageFacts.Facts f,
            Actor by) {
        StringBuilder keys = new StringBuilder();
        List<Map<String, Object>> transcript = new ArrayList<>();
        CallRecorder recorder = recorderOf(id);
        MediaSession[] session = new MediaSession[1];
        // the debtor answers in words where a recogniser hears their language, else by keys
        Optional<SpeechIn.Hearing> hearing = speechIn.hearing(f.language());
        AgentCallScript script = new AgentCallScript(prompts, prompts.opening(f.country(), f.language(), f.creditor()),
                f.language(), List.of(f.debtorName()), keys, transcript,
                hearing.map(SpeechIn.Hearing::recognizer).orElse(null), hearing.map(SpeechIn.Hearing::locale).orElse(""));
        CallConversation conversation = new CallConversation(conversations, account, reservation, by,
                hearing.isPresent() ? Conversations.Input.WORDS : Conversations.Input.KEYS,
                c -> jdbc.sql("UPDATE call SET conversation_id = :c WHERE id = :id").param("c", c).param("id", id)
                        .update());
        SipCall.Outcome outcome = SipCall.place(trunk.target(number), Duration.ofSeconds(45), host -> {
            try {
                session[0] = new MediaSession(host, clock, recorder, script);
                return new SessionMedia(session[0], () -> markAnswered(id, session[0].quality().codec()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, call -> script.run(session[0], call, conversation), time);
        byte[] wav = recorder.finish();
        conversation.callEnded();
        MediaSession.Quality quality = session[0] == null ? null : session[0].quality();
        // kept as the debtor's jurisdiction requires, or longer as the creditor or the trunk says
        RecordingRetention.Keep keep = retention.keep(f.country(), java.time.LocalDate.now(time),
                trunk.retentionYears(), creditorYears(f.creditorCode()));
        finish(id, account, reservation, outcome, script.reach(), conversation.toldWhoAnswered(), keys.toString(),
                transcript, quality, wav, recorder.durationMs(), keep);
        dropSpool(id);
    }

    /** A fixed message spoken in {@code language} (its text in that language), as 8 kHz audio. */
    short[] say(String text, String language) {
        return prompts.message(text, language);
    }

    /** Deletes the spooled recording of a call that has ended (its WAV is stored, or there was none). */
    void dropSpool(UUID call) {
        Path file = spoolOf(call);
        try {
            java.nio.file.Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the spooled recording {}: {}", file, e.getMessage());
        }
    }

    /** Where the recordings of calls going on are spooled, one file a call. */
    Path spoolOf(UUID call) {
        return spool.resolve(call + ".pcm");
    }

    void markAnswered(UUID id, String codec) {
        jdbc.sql("""
                        UPDATE call SET state = 'ANSWERED', answered_at = :now, quality = jsonb_build_object('codec', :codec)
                        WHERE id = :id AND state = 'DIALLING'""")
                .param("now", utc(time.instant())).param("codec", codec).param("id", id).update();
    }

    private void finish(UUID id, UUID account, UUID reservation, SipCall.Outcome outcome, AgentCallScript.Reach reach,
            boolean toldWhoAnswered, String keys, List<Map<String, Object>> transcript,
            MediaSession.@Nullable Quality quality, byte[] wav, long durationMs, RecordingRetention.Keep keep) {
        boolean answered = outcome.result() == SipCall.Result.ANSWERED;
        String result = !answered ? outcome.result().name() : reach == AgentCallScript.Reach.VERIFIED ? "VERIFIED"
                : reach == AgentCallScript.Reach.MACHINE ? "VOICEMAIL" : "ANSWERED";
        String hash = answered ? Entry.contentHash(wav) : null;
        Map<String, Object> q = quality == null ? Map.of() : qualityOf(quality);
        tx.executeWithoutResult(s -> {
            jdbc.sql("""
                            UPDATE call SET state = 'ENDED', outcome = :outcome, sip_call_id = :sip, ended_at = :ended,
                                   answered_at = coalesce(answered_at, :answered), dtmf = :dtmf,
                                   transcript = CAST(:transcript AS jsonb), quality = CAST(:quality AS jsonb),
                                   recording_sha256 = :hash, recording_ms = :ms, detail = :detail
                            WHERE id = :id""")
                    .param("outcome", result).param("sip", outcome.callId())
                    .param("ended", utc(outcome.endedAt() != null ? outcome.endedAt() : time.instant()))
                    .param("answered", outcome.answeredAt() == null ? null : utc(outcome.answeredAt()))
                    .param("dtmf", keys).param("transcript", JSON.writeValueAsString(transcript))
                    .param("quality", JSON.writeValueAsString(q)).param("hash", hash)
                    .param("ms", answered ? durationMs : null).param("detail", outcome.detail())
                    .param("id", id).update();
            if (!toldWhoAnswered) {
                gate.recordOutcome(reservation, contactOutcome(outcome.result(), reach));
            }
            if (answered) {
                logRecording(id, account, durationMs, quality == null ? "" : quality.codec(), wav, Map.of());
                retain(id, keep);
            }
        });
        log.info("Call {} ended: {} ({} ms recorded, keys {})", id, outcome.result(), durationMs, keys.length());
    }

    /**
     * Sets until when a call's recording is kept, looking up what the dial knew (for a call a stopped server left):
     * its debtor's jurisdiction's minimum, or longer when the tenant's trunk keeps recordings longer
     * ({@code retentionYears}), from today.
     */
    void retain(UUID id, UUID account) {
        Optional<MessageFacts.Facts> f = facts.of(account, "keep a call recording");
        String country = f.map(MessageFacts.Facts::country).orElse("");
        int years = providers.find(Channel.VOICE_AI).map(p -> {
            try {
                return Trunk.of(p).retentionYears();
            } catch (BadRequestException badlySet) {
                return 0;
            }
        }).orElse(0);
        retain(id, retention.keep(country, java.time.LocalDate.now(time), years,
                f.map(x -> creditorYears(x.creditorCode())).orElse(0)));
    }

    /** How many years the creditor keeps its recordings (0: as the law requires). */
    private int creditorYears(String code) {
        return creditors.one(code).map(Creditors.Creditor::keepRecordingsYears).orElse(0);
    }

    private void retain(UUID id, RecordingRetention.Keep keep) {
        jdbc.sql("UPDATE call SET keep_until = :until, retention_rule = :rule WHERE id = :id")
                .param("until", keep.until()).param("rule", keep.rule()).param("id", id).update();
    }

    /**
     * Logs a call's recording as {@code CALL_RECORDED} — its length, channels, codec, SHA-256, chunks and the chain
     * hash over them — with the WAV as content, in the caller's transaction.
     */
    void logRecording(UUID id, UUID account, long durationMs, String codec, byte[] wav, Map<String, String> more) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("call", id.toString());
        facts.put("durationMs", Long.toString(durationMs));
        facts.put("channels", "2");
        facts.put("codec", codec);
        String hash = Entry.contentHash(wav);
        facts.put("sha256", hash);
        jdbc.sql(CHUNKS + ":id").param("id", id).query((rs, n) -> Map.of("chunks", Long.toString(rs.getLong("chunks")),
                "chain", rs.getString("chain") == null ? "" : rs.getString("chain"))).list().forEach(facts::putAll);
        facts.putAll(more);
        events.publishEvent(new EvidenceEvent(EvidenceType.CALL_RECORDED, EvidenceEvent.Subject.account(account),
                "ai-agent", time.instant(), facts, List.of(wav)));
    }

    /**
     * What the call was to the contact gate when its conversation did not say who answered: no person reached, or
     * someone who did not show they were the debtor (counted as a third party: nothing of the debt was said).
     */
    static Outcome contactOutcome(SipCall.Result result, AgentCallScript.Reach reach) {
        return switch (result) {
            case ANSWERED -> reach == AgentCallScript.Reach.VERIFIED ? Outcome.RIGHT_PARTY_CONTACT
                    : reach == AgentCallScript.Reach.MACHINE ? Outcome.VOICEMAIL : Outcome.THIRD_PARTY_CONTACT;
            case BUSY -> Outcome.BUSY;
            case NO_ANSWER, DECLINED -> Outcome.NO_ANSWER;
            case FAILED -> Outcome.FAILED;
        };
    }

    static Map<String, Object> qualityOf(MediaSession.Quality q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("codec", q.codec());
        m.put("packetsSent", q.packetsSent());
        m.put("packetsReceived", q.packetsReceived());
        m.put("packetsLost", q.packetsLost());
        m.put("packetsLate", q.packetsLate());
        m.put("duplicates", q.duplicates());
        m.put("jitterMs", Math.round(q.jitterMs() * 100) / 100.0);
        if (q.roundTripMs() >= 0) {
            m.put("roundTripMs", Math.round(q.roundTripMs() * 100) / 100.0);
        }
        return m;
    }

    public Optional<View> find(UUID id) {
        // the recording's chunks summed up in the same read
        return jdbc.sql("SELECT c.*, k.chunks, k.chain FROM call c LEFT JOIN LATERAL (" + CHUNKS + "c.id) k ON true "
                + "WHERE c.id = :id").param("id", id).query((rs, n) -> {
            OffsetDateTime answered = rs.getObject("answered_at", OffsetDateTime.class);
            OffsetDateTime ended = rs.getObject("ended_at", OffsetDateTime.class);
            OffsetDateTime started = rs.getObject("started_at", OffsetDateTime.class);
            String hash = rs.getString("recording_sha256");
            long ms = rs.getLong("recording_ms");
            UUID call = rs.getObject("id", UUID.class);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> transcript = JSON.readValue(rs.getString("transcript"), List.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> quality = JSON.readValue(rs.getString("quality"), Map.class);
            return new View(call, rs.getObject("account_id", UUID.class), rs.getString("channel"), rs.getString("state"),
                    rs.getString("outcome"), started.toInstant(), answered == null ? null : answered.toInstant(),
                    ended == null ? null : ended.toInstant(),
                    ended == null ? null : Duration.between(answered != null ? answered : started, ended).toMillis(),
                    rs.getString("dtmf"), transcript, quality,
                    hash == null ? null : recordingOf(call, hash, ms, rs),
                    rs.getString("detail"));
        }).optional();
    }

    private static Recording recordingOf(UUID call, String hash, long ms, java.sql.ResultSet rs)
            throws java.sql.SQLException {
        OffsetDateTime erased = rs.getObject("recording_erased_at", OffsetDateTime.class);
        String chain = rs.getString("chain");
        return new Recording(hash, ms, "/api/v1/calls/" + call + "/recording", rs.getLong("chunks"),
                chain == null ? "" : chain, rs.getObject("keep_until", java.time.LocalDate.class),
                erased == null ? null : erased.toInstant());
    }

    /** The recording's WAV, checked against its hash; the read of the debtor's call is audited. */
    public byte[] recording(UUID id, String purpose) {
        return recording(id, purpose, null);
    }

    /** As {@link #recording(UUID, String)}, the read audited as {@code as} (the debtor, in the portal). */
    byte[] recording(UUID id, String purpose, @Nullable Actor as) {
        View v = find(id).orElseThrow(() -> new NotFoundException("call", id));
        Recording r = v.recording();
        if (r == null) {
            throw new NotFoundException("recording of call", id);
        }
        byte[] wav = content.verified(r.sha256()).orElseThrow(() -> new ConflictException("The recording of "
                + "call " + id + " is no longer held (erased at the end of its retention, or damaged); the evidence log "
                + "keeps its hash " + r.sha256() + "."));
        AuditEntry read = AuditEntry.read("call_recording", id, purpose).withDetail(Map.of("account",
                v.account().toString()));
        if (as == null) {
            audit.record(read);
        } else {
            audit.recordAs(as, read);
        }
        return wav;
    }
}
