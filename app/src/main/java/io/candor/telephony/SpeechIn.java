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
 * (its gateway, the tenant's app key, and the access token — sealed, never shown again). A debtor whose language no
 * recogniser hears answers by keys, and so does everyone where none is set.
 */
@Service
class SpeechIn {

    /** Where speech is recognised. */
    enum Recognizer { LOCAL, CLOUD }

    /** What an administrator sees: the recogniser, the languages it hears, and whether a token is set. */
    record View(Recognizer recognizer, List<String> languages, @Nullable String gateway, @Nullable String appKey,
                boolean tokenSet, String updatedBy) {
    }

    /** What an administrator sets; a null token keeps the one set before. */
    record Settings(@Nullable String recognizer, @Nullable List<String> languages, @Nullable String gateway,
                    @Nullable String appKey, @Nullable String token) {
    }

    /** A recogniser for one call, and the locale it is asked to hear. */
    record Hearing(SpeechRecognizer recognizer, String locale) {
    }

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final AuditTrail audit;
    private final Clock clock;
    private final SpeechRecognizer local;

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
        if (r == Recognizer.CLOUD) {
            if (gateway == null || !gateway.matches("wss?://[^\\s/]+(/\\S*)?")) {
                throw new BadRequestException("A CLOUD recogniser needs its \"gateway\", a ws:// or wss:// address such as "
                        + "wss://nls-gateway-cn-shanghai.aliyuncs.com/ws/v1.");
            }
            if (appKey == null) {
                throw new BadRequestException("A CLOUD recogniser needs the tenant's \"appKey\" from the recogniser's "
                        + "console.");
            }
            boolean hadToken = find().map(v -> v.token() != null).orElse(false);
            if (s.token() == null && !hadToken) {
                throw new BadRequestException("A CLOUD recogniser needs its access \"token\" the first time it is set.");
            }
        }
        UUID tenant = TenantContext.require();
        byte[] sealed = s.token() == null || r == Recognizer.LOCAL ? null : cipher.seal(s.token(), context(tenant));
        jdbc.sql("""
                        INSERT INTO speech_in (tenant_id, recognizer, languages, gateway, app_key, token_enc, updated_by,
                                               updated_at)
                        VALUES (:t, :r, :languages, :gateway, :appKey, :token, :by, :now)
                        ON CONFLICT (tenant_id) DO UPDATE SET recognizer = excluded.recognizer,
                            languages = excluded.languages, gateway = excluded.gateway, app_key = excluded.app_key,
                            token_enc = CASE WHEN excluded.recognizer = 'LOCAL' THEN NULL
                                             ELSE coalesce(excluded.token_enc, speech_in.token_enc) END,
                            updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .param("t", tenant).param("r", r.name()).param("languages", languages.toArray(String[]::new))
                .param("gateway", r == Recognizer.CLOUD ? gateway : null)
                .param("appKey", r == Recognizer.CLOUD ? appKey : null).param("token", sealed).param("by", by)
                .param("now", Timestamps.utc(clock.instant())).update();
        audit.record(AuditEntry.of(AuditAction.SPEECH_IN_SET, "speech_in", r.name()).withDetail(Map.of(
                "languages", String.join(",", languages), "tokenChanged", sealed != null)));
        return find().orElseThrow().view();
    }

    @Transactional
    boolean clear() {
        boolean had = jdbc.sql("DELETE FROM speech_in").update() > 0;
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
                .map(l -> new Hearing(s.view().recognizer() == Recognizer.LOCAL ? local
                        : SpeechRecognizer.cloud(URI.create(java.util.Objects.requireNonNull(s.view().gateway())),
                                java.util.Objects.requireNonNull(s.view().appKey()), s.token() == null ? "" : s.token()),
                        s.view().recognizer() == Recognizer.LOCAL ? "en" : l)));
    }

    static boolean speaks(String language, String heard) {
        String a = language.toLowerCase(Locale.ROOT);
        String b = heard.toLowerCase(Locale.ROOT);
        return a.equals(b) || !b.contains("-") && a.startsWith(b + "-");
    }

    private record Stored(View view, @Nullable String token) {
    }

    private Optional<Stored> find() {
        UUID tenant = TenantContext.require();
        return jdbc.sql("""
                        SELECT recognizer, languages, gateway, app_key, token_enc, updated_by FROM speech_in""")
                .query((rs, n) -> {
                    byte[] sealed = rs.getBytes(5);
                    return new Stored(new View(Recognizer.valueOf(rs.getString(1)),
                            Arrays.asList((String[]) rs.getArray(2).getArray()), rs.getString(3), rs.getString(4),
                            sealed != null, rs.getString(6)), sealed == null ? null : cipher.open(sealed, context(tenant)));
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
