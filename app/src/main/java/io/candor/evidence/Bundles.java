package io.candor.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.candor.identity.CurrentUser;
import io.candor.platform.evidence.EvidenceEvent;
import io.candor.platform.evidence.EvidenceType;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.NotFoundException;
import io.candor.portfolio.AccountDetail;
import io.candor.portfolio.Accounts;
import io.candor.verify.Bundle;
import io.candor.verify.Entry;
import io.candor.verify.Merkle;
import io.candor.verify.NoteKey;
import io.candor.verify.SignedNote;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * An account's evidence bundle for a court or a regulator: every entry about the account and its debtor, their
 * content where still held, an inclusion proof of each against one signed checkpoint, a signed manifest, the
 * verifier key and a readable index. {@code java -jar candor-verify.jar bundle.zip} checks it offline.
 */
@Service
class Bundles {

    private final Accounts accounts;
    private final EvidenceLog log;
    private final Sequencer sequencer;
    private final Checkpoints checkpoints;
    private final EvidenceRecorder recorder;
    private final ContentStore content;
    private final NoteKey.Signer signer;
    private final MessageSource messages;

    Bundles(Accounts accounts, EvidenceLog log, Sequencer sequencer, Checkpoints checkpoints, EvidenceRecorder recorder,
            ContentStore content, NoteKey.Signer signer, MessageSource messages) {
        this.accounts = accounts;
        this.log = log;
        this.sequencer = sequencer;
        this.checkpoints = checkpoints;
        this.recorder = recorder;
        this.content = content;
        this.signer = signer;
        this.messages = messages;
    }

    void write(UUID account, Locale locale, OutputStream out) throws IOException {
        write(account, locale, out, false);
    }

    /**
     * Writes the bundle; call recordings (the content of {@code CALL_RECORDED} entries, megabytes each) only when
     * asked for — without them each entry still proves its recording's hash.
     */
    void write(UUID account, Locale locale, OutputStream out, boolean recordings) throws IOException {
        AccountDetail detail = accounts.find(account, CurrentUser.get().roles(), "EVIDENCE_BUNDLE")
                .orElseThrow(() -> new NotFoundException("account", account));
        UUID tenant = TenantContext.require();
        Set<String> subjects = new LinkedHashSet<>(List.of(
                recorder.subjectHash(tenant, EvidenceEvent.Subject.account(account)),
                recorder.subjectHash(tenant, EvidenceEvent.Subject.debtor(detail.debtor().id()))));
        sequencer.sequence(true);
        Checkpoints.Stored c = checkpoints.issue().orElseThrow(() -> new NotFoundException("evidence for account", account));
        List<EvidenceLog.Stored> entries = log.about(subjects).stream().filter(e -> e.index() < c.size()).toList();
        Map<Long, byte[]> leaves = new LinkedHashMap<>();
        entries.forEach(e -> leaves.put(e.index(), Merkle.leafHash(e.entry())));
        String manifest = SignedNote.sign(Bundle.manifest(checkpoints.origin(), c.size(), subjects, leaves), signer);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "verifier-key.txt", (signer.verifier().text() + "\n").getBytes(StandardCharsets.UTF_8));
            put(zip, "checkpoint.txt", c.note().getBytes(StandardCharsets.UTF_8));
            put(zip, "manifest.txt", manifest.getBytes(StandardCharsets.UTF_8));
            Set<String> contents = new LinkedHashSet<>();
            for (EvidenceLog.Stored e : entries) {
                put(zip, Bundle.entryPath(e.index()), e.entry());
                put(zip, Bundle.proofPath(e.index()), log.proof(e.index(), c).getBytes(StandardCharsets.UTF_8));
                Entry decoded = Entry.decode(e.entry());
                if (recordings || !decoded.type().equals(EvidenceType.CALL_RECORDED.name())) {
                    contents.addAll(decoded.contents());
                }
            }
            for (String h : contents) {
                var blob = content.get(h);
                if (blob.isPresent()) {
                    put(zip, "content/" + h, blob.get());
                }
            }
            put(zip, "index.html", index(detail, c, entries, locale).getBytes(StandardCharsets.UTF_8));
        }
    }

    private String index(AccountDetail account, Checkpoints.Stored c, List<EvidenceLog.Stored> entries, Locale locale) {
        StringBuilder rows = new StringBuilder();
        for (EvidenceLog.Stored e : entries) {
            Entry entry = Entry.decode(e.entry());
            StringBuilder facts = new StringBuilder();
            entry.facts().forEach((k, v) -> facts.append(HtmlUtils.htmlEscape(k)).append(": ")
                    .append(HtmlUtils.htmlEscape(v)).append("<br>"));
            rows.append("<tr><td>").append(e.index()).append("</td><td>").append(entry.time()).append("</td><td>")
                    .append(HtmlUtils.htmlEscape(entry.type())).append("</td><td>")
                    .append(HtmlUtils.htmlEscape(entry.actor())).append("</td><td>").append(facts).append("</td><td>")
                    .append(String.join("<br>", entry.contents())).append("</td></tr>\n");
        }
        return """
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="utf-8"><title>%s</title>
                <style>body{font-family:sans-serif;margin:2em}td,th{border:1px solid #ccc;padding:4px;vertical-align:top}
                table{border-collapse:collapse}code{word-break:break-all}</style></head><body>
                <h1>%s</h1>
                <p>%s: %s · %s: %s</p>
                <p>%s</p>
                <p>%s: <code>%s</code> · %s: %d</p>
                <pre>java -jar candor-verify.jar %s</pre>
                <table><thead><tr><th>#</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>SHA-256</th></tr></thead>
                <tbody>
                %s</tbody></table></body></html>
                """.formatted(locale.toLanguageTag(), msg("evidence.bundle.title", locale), msg("evidence.bundle.title", locale),
                msg("evidence.bundle.account", locale), HtmlUtils.htmlEscape(account.creditorRef()),
                msg("evidence.bundle.creditor", locale), HtmlUtils.htmlEscape(account.creditor()),
                msg("evidence.bundle.explain", locale), msg("evidence.bundle.key", locale),
                HtmlUtils.htmlEscape(signer.verifier().text()), msg("evidence.bundle.size", locale), c.size(),
                "evidence-" + account.id() + ".zip", msg("evidence.bundle.time", locale),
                msg("evidence.bundle.type", locale), msg("evidence.bundle.actor", locale),
                msg("evidence.bundle.facts", locale), rows);
    }

    private String msg(String code, Locale locale) {
        return HtmlUtils.htmlEscape(messages.getMessage(code, null, locale));
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
