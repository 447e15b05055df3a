package io.candor.telephony;

import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.candor.agent.speech.Speech;
import io.candor.agent.speech.SpeechRecognizer;
import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.platform.Timestamps;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import io.candor.privacy.FieldCipher;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which recogniser hears a tenant's AI calls, per debtor language ({@code PUT /api/v1/channels/VOICE_AI/speech-in}):
 * {@code LOCAL}, this machine's English recogniser, or {@code CLOUD}, a cloud recogniser's real-time transcription
 * (its gateway, the tenant's app key, and either a fixed access token or the tenant's AccessKey pair, from which
 * tokens are made and renewed; the token or the AccessKey secret sealed, never shown again). A debtor whose language
 * no recogniser hears answers by keys, and so does everyone where none is set. A tenant's recogniser is kept while
 * its setting is unchanged, so its calls share one token.
 */
@Service
class SpeechIn {

    /** Where speech is recognised. */
    enum Recognizer { LOCAL, CLOUD }

    /**
     * What an administrator sees: the recogniser, the languages it hears, where and as whom it is reached, and whether
     * its secret (the token, or the AccessKey secret) is set.
     */
    record View(Recognizer recognizer, List<String> languages, @Nullable String gateway, @Nullable String appKey,
                @Nullable String accessKeyId, @Nullable String region, @Nullable String tokenService,
                boolean secretSet, String updatedBy) {
    }

    /**
     * What an administrator sets: a CLOUD recogniser takes a fixed {@code token}, or an {@code accessKeyId} with its
     * {@code accessKeySecret} (the {@code region} and {@code tokenService} follow from the gateway unless given); a
     * secret left out keeps the one set before.
     */
    record Settings(@Nullable String recognizer, @Nullable List<String> languages, @Nullable String gateway,
                    @Nullable String appKey, @Nullable String token, @Nullable String accessKeyId,
                    @Nullable String accessKeySecret, @Nullable String region, @Nullable String tokenService) {
    }

    /** A recogniser for one call, and the locale it is asked to hear. */
    record Hearing(SpeechRecognizer recognizer, String locale) {
    }

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final AuditTrail audit;
    private final Clock clock;
    private final SpeechRecognizer local;
    private static final java.util.regex.Pattern GATEWAY_REGION = java.util.regex.Pattern.compile(
            "nls-gateway[.-]([a-z]+-[a-z0-9]+)\\.");

    private final Map<UUID, Kept> kept = new java.util.concurrent.ConcurrentHashMap<>();

    /** A tenant's cloud recogniser, as long as its setting (when it was last changed) is the same. */
    private record Kept(java.time.Instant setAt, SpeechRecognizer recognizer) {
    }

    SpeechIn(JdbcClient jdbc, FieldCipher cipher, AuditTrail audit, Clock clock, Speech speech) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
        this.local = new LocalRecognizer(speech);
    }

    @Transactional
    View put(Settings s, String by) {
        Recognizer r = recognizer(s.recognizer());
        List<String> languages = languages(s.languages(), r);
        String gateway = blankToNull(s.gateway());
        String appKey = blankToNull(s.appKey());
        String keyId = blankToNull(s.accessKeyId());
        String secret = keyId != null ? blankToNull(s.accessKeySecret()) : blankToNull(s.token());
        String region = blankToNull(s.region());
        String tokenService = blankToNull(s.tokenService());
        if (r == Recognizer.CLOUD) {
            if (gateway == null || !gateway.matches("wss?://[^\\s/]+(/\\S*)?")) {
                throw new BadRequestException("A CLOUD recogniser needs its \"gateway\", a ws:// or wss:// address such as "
                        + "wss://nls-gateway-cn-shanghai.aliyuncs.com/ws/v1.");
            }
            if (appKey == null) {
                throw new BadRequestException("A CLOUD recogniser needs the tenant's \"appKey\" from the recogniser's "
                        + "console.");
            }
            if (region != null && !region.matches("[a-z]+-[a-z0-9-]+")) {
                throw new BadRequestException("\"region\" is '" + region + "': write it as the service names it, e.g. "
                        + "cn-shanghai.");
            }
            if (tokenService != null && !tokenService.matches("https?://\\S+")) {
                throw new BadRequestException("\"tokenService\" is '" + tokenService + "': give an https:// address such "
                        + "as https://nls-meta.cn-shanghai.aliyuncs.com/.");
            }
            boolean sameKind = find().map(v -> v.view().secretSet() && java.util.Objects.equals(
                    v.view().accessKeyId(), keyId)).orElse(false);
            if (secret == null && !sameKind) {
                throw new BadRequestException(keyId != null
                        ? "With an \"accessKeyId\" the CLOUD recogniser needs its \"accessKeySecret\" the first time."
                        : "A CLOUD recogniser needs an access \"token\", or an \"accessKeyId\" and \"accessKeySecret\" "
                                + "from which Candor makes tokens.");
            }
        }
        boolean cloud = r == Recognizer.CLOUD;
        UUID tenant = TenantContext.require();
        byte[] sealed = secret == null || !cloud ? null : cipher.seal(secret, context(tenant));
        jdbc.sql("""
                        INSERT INTO speech_in (tenant_id, recognizer, languages, gateway, app_key, secret_enc,
                                               access_key_id, region, token_service, updated_by, updated_at)
                        VALUES (:t, :r, :languages, :gateway, :appKey, :secret, :keyId, :region, :tokenService, :by,
                                :now)
                        ON CONFLICT (tenant_id) DO UPDATE SET recognizer = excluded.recognizer,
                            languages = excluded.languages, gateway = excluded.gateway, app_key = excluded.app_key,
                            secret_enc = CASE WHEN excluded.recognizer = 'LOCAL' THEN NULL
                                              ELSE coalesce(excluded.secret_enc, speech_in.secret_enc) END,
                            access_key_id = excluded.access_key_id, region = excluded.region,
                            token_service = excluded.token_service, updated_by = excluded.updated_by,
                            updated_at = excluded.updated_at""")
                .param("t", tenant).param("r", r.name()).param("languages", languages.toArray(String[]::new))
                .param("gateway", cloud ? gateway : null).param("appKey", cloud ? appKey : null).param("secret", sealed)
                .param("keyId", cloud ? keyId : null).param("region", cloud ? region : null)
                .param("tokenService", cloud ? tokenService : null).param("by", by)
                .param("now", Timestamps.utc(clock.instant())).update();
        audit.record(AuditEntry.of(AuditAction.SPEECH_IN_SET, "speech_in", r.name()).withDetail(Map.of(
                "languages", String.join(",", languages), "secretChanged", sealed != null)));
        return find().orElseThrow().view();
    }

    @Transactional
    boolean clear() {
        boolean had = jdbc.sql("DELETE FROM speech_in").update() > 0;
        kept.remove(TenantContext.require());
        if (had) {
            audit.record(AuditEntry.of(AuditAction.SPEECH_IN_CLEARED, "speech_in", "-"));
        }
        return had;
    }

    Optional<View> view() {
        return find().map(Stored::view);
    }

    /**
     * What hears a debtor speaking {@code language} on a call (its first subtag is enough: {@code en-GB} is heard as
     * {@code en}), or nothing: they answer by keys.
     */
    Optional<Hearing> hearing(String language) {
        return find().flatMap(s -> s.view().languages().stream().filter(l -> speaks(language, l)).findFirst()
                .map(l -> s.view().recognizer() == Recognizer.LOCAL ? new Hearing(local, "en")
                        : new Hearing(cloud(s), l)));
    }

    private SpeechRecognizer cloud(Stored s) {
        Kept k = kept.compute(TenantContext.require(), (t, before) -> before != null && before.setAt().equals(s.setAt())
                ? before : new Kept(s.setAt(), recognizer(s)));
        return k.recognizer();
    }

    private SpeechRecognizer recognizer(Stored s) {
        View v = s.view();
        URI gateway = URI.create(java.util.Objects.requireNonNull(v.gateway()));
        String appKey = java.util.Objects.requireNonNull(v.appKey());
        byte[] sealed = s.sealed();
        String secret = sealed == null ? "" : cipher.open(sealed, context(TenantContext.require()));
        if (v.accessKeyId() == null) {
            return SpeechRecognizer.cloud(gateway, appKey, secret);
        }
        String region = v.region() != null ? v.region() : regionOf(gateway);
        URI service = URI.create(v.tokenService() != null ? v.tokenService()
                : "https://nls-meta." + region + ".aliyuncs.com/");
        return SpeechRecognizer.cloud(gateway, appKey, new SpeechRecognizer.AccessKey(service, region, v.accessKeyId(),
                secret), clock);
    }

    /** The region a gateway is in, from its name ({@code nls-gateway-cn-beijing.…} is in cn-beijing), else Shanghai. */
    static String regionOf(URI gateway) {
        java.util.regex.Matcher m = GATEWAY_REGION.matcher(gateway.getHost() == null ? "" : gateway.getHost());
        return m.find() ? m.group(1) : "cn-shanghai";
    }

    static boolean speaks(String language, String heard) {
        String a = language.toLowerCase(Locale.ROOT);
        String b = heard.toLowerCase(Locale.ROOT);
        return a.equals(b) || !b.contains("-") && a.startsWith(b + "-");
    }

    /** A setting as stored: its secret still sealed (opened only to make a recogniser). */
    private record Stored(View view, byte @Nullable [] sealed, java.time.Instant setAt) {
    }

    private Optional<Stored> find() {
        return jdbc.sql("""
                        SELECT recognizer, languages, gateway, app_key, secret_enc, updated_by, access_key_id, region,
                               token_service, updated_at
                        FROM speech_in""")
                .query((rs, n) -> {
                    byte[] sealed = rs.getBytes(5);
                    return new Stored(new View(Recognizer.valueOf(rs.getString(1)),
                            Arrays.asList((String[]) rs.getArray(2).getArray()), rs.getString(3), rs.getString(4),
                            rs.getString(7), rs.getString(8), rs.getString(9), sealed != null, rs.getString(6)),
                            sealed, rs.getTimestamp(10).toInstant());
                })
                .optional();
    }

    private static Recognizer recognizer(@Nullable String r) {
        try {
            return Recognizer.valueOf(r == null ? "" : r.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("\"recognizer\" is '" + r + "': give LOCAL (this machine's English "
                    + "recogniser) or CLOUD (a cloud recogniser's real-time transcription).");
        }
    }

    private static List<String> languages(@Nullable List<String> given, Recognizer r) {
        if (given == null || given.isEmpty()) {
            throw new BadRequestException("\"languages\" lists the debtor languages the recogniser hears, e.g. [\"en\"] "
                    + "or [\"zh-CN\", \"zh-TW\"].");
        }
        List<String> out = given.stream().map(String::strip).distinct().toList();
        for (String l : out) {
            if (!l.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
                throw new BadRequestException("'" + l + "' is no language tag: write it as en, zh-CN or yue.");
            }
            if (r == Recognizer.LOCAL && !speaks(l, "en")) {
                throw new BadRequestException("The LOCAL recogniser hears English only, not '" + l + "'; no offline "
                        + "recogniser for Chinese can be installed here: set a CLOUD recogniser for it.");
            }
        }
        return out;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String context(UUID tenant) {
        return "speech-in:" + tenant;
    }
}
