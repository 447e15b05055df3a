package io.candor.template;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.compliance.Channel;
import io.candor.compliance.ContentLinter;
import io.candor.platform.Codes;
import io.candor.platform.Timestamps;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.ConflictException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tenant's approved templates; a new version is approved only when the linter finds nothing in it. */
@Service
public class Templates {

    /** One approved version. */
    public record Template(String code, int version, Channel channel, String locale, String jurisdiction,
                           @Nullable String purpose, String body, String approvedBy, Instant approvedAt) {
    }

    /** A template to approve. */
    public record Draft(Channel channel, String locale, String jurisdiction, @Nullable String purpose, String body) {
    }

    private static final ContentLinter LINTER = ContentLinter.shipped();

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Templates(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Lints and stores a new version; any finding refuses it with every finding listed. */
    @Transactional
    public Template approve(String code, Draft d, String by) {
        if (!Codes.valid(code)) {
            throw new BadRequestException("A template code is " + Codes.RULE + ", e.g. sms-reminder.");
        }
        if (d.body().isBlank()) {
            throw new BadRequestException("The template's body is empty.");
        }
        String jurisdiction = d.jurisdiction().strip().toUpperCase(Locale.ROOT);
        List<ContentLinter.Finding> findings = lint(d);
        if (!findings.isEmpty()) {
            throw new BadRequestException("The template cannot be approved: " + String.join(" ",
                    findings.stream().map(f -> f.rule() + (f.excerpt().isEmpty() ? "" : " ('" + f.excerpt() + "')")
                            + ": " + f.message()).toList()));
        }
        // one code, one channel: a text in another language is another version line of the same template
        jdbc.sql("SELECT DISTINCT channel FROM message_template WHERE code = :code").param("code", code)
                .query(String.class).list().stream().filter(c -> !c.equals(d.channel().name())).findFirst()
                .ifPresent(c -> {
                    throw new BadRequestException("Template '" + code + "' is for " + c + "; a text for "
                            + d.channel() + " needs a code of its own.");
                });
        int version = jdbc.sql("""
                        SELECT coalesce(max(version), 0) + 1 FROM message_template WHERE code = :code AND locale = :locale""")
                .param("code", code).param("locale", d.locale()).query(Integer.class).single();
        Instant now = clock.instant();
        try {
            jdbc.sql("""
                            INSERT INTO message_template (tenant_id, code, version, channel, locale, jurisdiction, purpose,
                                                          body, approved_by, approved_at)
                            VALUES (:tenant, :code, :version, :channel, :locale, :jurisdiction, :purpose, :body, :by, :at)""")
                    .param("tenant", TenantContext.require()).param("code", code).param("version", version)
                    .param("channel", d.channel().name()).param("locale", d.locale()).param("jurisdiction", jurisdiction)
                    .param("purpose", d.purpose()).param("body", d.body()).param("by", by)
                    .param("at", Timestamps.utc(now)).update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("Template '" + code + "' was changed at the same moment: reload and try again.");
        }
        audit.record(AuditEntry.of(AuditAction.TEMPLATE_APPROVED, "message_template", code).withDetail(Map.of(
                "version", version, "channel", d.channel().name(), "locale", d.locale())));
        return new Template(code, version, d.channel(), d.locale(), jurisdiction, d.purpose(), d.body(), by, now);
    }

    /** The latest version of every template in every language. */
    public List<Template> latest() {
        return jdbc.sql("""
                        SELECT DISTINCT ON (code, locale) code, version, channel, locale, jurisdiction, purpose, body,
                               approved_by, approved_at
                        FROM message_template ORDER BY code, locale, version DESC""")
                .query((rs, n) -> template(rs))
                .list();
    }

    /** Every version of one template in one language, newest first. */
    public List<Template> versions(String code, String locale) {
        return jdbc.sql("""
                        SELECT code, version, channel, locale, jurisdiction, purpose, body, approved_by, approved_at
                        FROM message_template WHERE code = :code AND locale = :locale ORDER BY version DESC""")
                .param("code", code).param("locale", locale).query((rs, n) -> template(rs)).list();
    }

    /** What the linter finds in a text before it is approved (every finding with its span in the text). */
    public static List<ContentLinter.Finding> lint(Draft d) {
        return LINTER.lint(new ContentLinter.Template(d.jurisdiction().strip().toUpperCase(Locale.ROOT), d.channel(),
                d.locale(), d.body(), d.purpose()));
    }

    /**
     * The text to send: the latest version of {@code code} in the debtor's language, else in the same language
     * of another region (zh-TW for zh-HK), else in {@code fallback}, else none.
     */
    public Optional<Template> forLanguage(String code, String language, String fallback) {
        List<Template> texts = jdbc.sql("""
                        SELECT DISTINCT ON (locale) code, version, channel, locale, jurisdiction, purpose, body,
                               approved_by, approved_at
                        FROM message_template WHERE code = :code ORDER BY locale, version DESC""")
                .param("code", code).query((rs, n) -> template(rs)).list();
        String base = language.split("-")[0];
        return texts.stream().filter(t -> t.locale().equalsIgnoreCase(language)).findFirst()
                .or(() -> texts.stream().filter(t -> t.locale().split("-")[0].equalsIgnoreCase(base)).findFirst())
                .or(() -> texts.stream().filter(t -> t.locale().equalsIgnoreCase(fallback)).findFirst());
    }

    /** Fills {@code {{name}}} placeholders; one without a value is an error (never sent half filled). */
    public static String render(String body, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("The template needs {{" + m.group(1) + "}}, which has no value.");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    private static Template template(ResultSet rs) throws SQLException {
        return new Template(rs.getString("code"), rs.getInt("version"), Channel.valueOf(rs.getString("channel")),
                rs.getString("locale"), rs.getString("jurisdiction"), rs.getString("purpose"), rs.getString("body"),
                rs.getString("approved_by"), rs.getObject("approved_at", OffsetDateTime.class).toInstant());
    }

    /** The channel of one template code (every language of a code has the same channel). */
    public Optional<Channel> channel(String code) {
        return jdbc.sql("SELECT channel FROM message_template WHERE code = :code LIMIT 1").param("code", code)
                .query(String.class).optional().map(Channel::valueOf);
    }

    /** Each template code with its channel (what strategy checks need). */
    public Map<String, Channel> channels() {
        Map<String, Channel> channels = new LinkedHashMap<>();
        latest().forEach(t -> channels.put(t.code(), t.channel()));
        return channels;
    }
}
