package io.candor.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;

import io.candor.platform.evidence.EvidenceEvent;
import io.candor.platform.tenant.TenantContext;
import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import io.candor.tenancy.EachTenant;
import io.candor.verify.Checkpoint;
import io.candor.verify.Entry;
import io.candor.verify.Main;
import io.candor.verify.Merkle;
import io.candor.verify.NoteKey;
import io.candor.verify.SignedNote;
import io.candor.verify.TlogProof;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The evidence log end to end on the real database: records from the API and from the contact gate, signed
 * checkpoints, proofs that the verifier accepts, bundles that the standalone jar verifies, and every kind of
 * tampering caught by the verifier and by the self-audit.
 */
@CandorIntegrationTest
class EvidenceLogTests {

    @LocalServerPort
    int port;

    @Autowired
    EachTenant each;

    @Autowired
    TestTenants tenants;

    @Autowired
    Sequencer sequencer;

    @Autowired
    Checkpoints checkpoints;

    @Autowired
    SelfAudit selfAudit;

    @Autowired
    ContentStore content;

    @Autowired
    NoteKey.Signer signer;

    @Autowired
    @Qualifier("ownerDataSource")
    DataSource owner;

    Api api;
    TestTenants.TestTenant tenant;
    String admin;
    String auditor;
    UUID account;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tenant = tenants.create("evidence");
        admin = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        auditor = api.token(tenant.slug(), "auditor", TestTenants.PASSWORD);
        account = tenant.accounts().getFirst();
    }

    long record(String type, String content) {
        Api.Response r = api.post("/api/v1/evidence/records", admin, "{\"type\":\"" + type + "\",\"subject\":\"" + account
                + "\",\"content\":\"" + Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8))
                + "\",\"facts\":{\"channel\":\"LETTER\"}}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("index").asLong();
    }

    NoteKey.Verifier key() {
        return NoteKey.verifier(api.get("/api/v1/evidence/key", auditor).body());
    }

    @Test
    void recordsGetProofsAndConsistencyThatTheVerifierAccepts() {
        long first = record("LETTER_SENT", "Dear debtor, letter one");
        long second = record("LETTER_SENT", "Dear debtor, letter two");
        assertThat(second).isGreaterThan(first);
        String note = api.get("/api/v1/evidence/checkpoint", auditor).body();
        Checkpoint c = Checkpoint.open(note, key());
        assertThat(c.origin()).isEqualTo("candor/" + tenant.id());
        assertThat(c.size()).isGreaterThan(second);

        byte[] entry = Base64.getDecoder().decode(api.get("/api/v1/evidence/entries/" + second, auditor).json()
                .get("entry").asString());
        Entry decoded = Entry.decode(entry);
        assertThat(decoded.type()).isEqualTo("LETTER_SENT");
        assertThat(decoded.actor()).isEqualTo("admin");
        assertThat(decoded.contents()).containsExactly(Entry.contentHash("Dear debtor, letter two".getBytes(StandardCharsets.UTF_8)));
        assertThat(new String(entry, StandardCharsets.UTF_8)).doesNotContain(account.toString()).doesNotContain("Dear");
        TlogProof proof = TlogProof.parse(api.get("/api/v1/evidence/entries/" + second + "/proof", auditor).body());
        assertThat(proof.verify(entry, key()).size()).isEqualTo(c.size());

        record("LETTER_SENT", "letter three");
        Checkpoint later = Checkpoint.open(api.get("/api/v1/evidence/checkpoint", auditor).body(), key());
        List<byte[]> consistency = api.get("/api/v1/evidence/consistency?from=" + c.size() + "&to=" + later.size(), auditor)
                .body().lines().map(Base64.getDecoder()::decode).toList();
        Merkle.verifyConsistency(c.size(), later.size(), c.root(), later.root(), consistency);

        assertThat(api.get("/api/v1/evidence/checkpoint", api.token(tenant.slug(), "collector", TestTenants.PASSWORD))
                .status()).as("collectors do not read the evidence log").isEqualTo(403);
        assertThat(api.post("/api/v1/evidence/records", auditor, "{\"type\":\"X_Y\",\"subject\":\"" + account + "\"}")
                .status()).as("auditors read, they do not write").isEqualTo(403);
        assertThat(api.post("/api/v1/evidence/records", admin, "{\"type\":\"lower\",\"subject\":\"" + account + "\"}")
                .body()).contains("upper-case");
    }

    @Test
    void aBundleOfGateDecisionsAndReadsVerifiesWithTheStandaloneJarAndTamperingIsCaught() throws Exception {
        String collector = api.token(tenant.slug(), "collector", TestTenants.PASSWORD);
        assertThat(api.post("/api/v1/accounts/" + account + "/contact-decisions", collector,
                "{\"channel\":\"VOICE_HUMAN\",\"party\":\"DEBTOR\",\"contactPoint\":\"+8613800138000\",\"at\":\"2026-03-02T23:00:00+08:00\"}")
                .status()).isEqualTo(200);
        record("LETTER_SENT", "Dear debtor, please call us.");
        Path dir = Files.createTempDirectory("bundle");
        Path zip = dir.resolve("bundle.zip");
        Files.write(zip, api.download("/api/v1/accounts/" + account + "/evidence-bundle", auditor));
        Map<String, byte[]> files = unzip(zip);
        String types = files.entrySet().stream().filter(e -> e.getKey().startsWith("entries/"))
                .map(e -> Entry.decode(e.getValue()).type()).sorted().toList().toString();
        assertThat(types).contains("CONTACT_DECISION").contains("LETTER_SENT").contains("STAFF_READ");
        assertThat(new String(files.get("index.html"), StandardCharsets.UTF_8)).contains("CONTACT_DECISION");
        String vkey = key().text();

        assertThat(verifyWithJar(zip, vkey)).as("the standalone jar verifies the bundle").isZero();
        assertThat(verify(zip, vkey)).contains("VERIFIED");

        String anEntry = files.keySet().stream().filter(n -> n.startsWith("entries/")).findFirst().orElseThrow();
        String aContent = files.keySet().stream().filter(n -> n.startsWith("content/")).findFirst().orElseThrow();
        assertThat(verify(tampered(zip, files, anEntry, flip(files.get(anEntry))), vkey))
                .contains("FAIL " + anEntry).contains("changed");
        assertThat(verify(tampered(zip, files, aContent, flip(files.get(aContent))), vkey))
                .contains("FAIL " + aContent);
        assertThat(verify(tampered(zip, files, anEntry, null), vkey)).contains("FAIL " + anEntry + ": missing");
        List<String> entries = files.keySet().stream().filter(n -> n.startsWith("entries/")).sorted().toList();
        Map<String, byte[]> swapped = new HashMap<>(files);
        swapped.put(entries.get(0), files.get(entries.get(1)));
        swapped.put(entries.get(1), files.get(entries.get(0)));
        assertThat(verify(write(dir.resolve("swapped.zip"), swapped), vkey)).contains("FAIL").contains("changed");
        NoteKey.Signer forger = NoteKey.generate(signer.name());
        Checkpoint real = Checkpoint.parse(SignedNote.parse(new String(files.get("checkpoint.txt"), StandardCharsets.UTF_8)).text());
        String forged = SignedNote.sign(new Checkpoint(real.origin(), real.size(), new byte[32], List.of()).text(), forger);
        assertThat(verify(tampered(zip, files, "checkpoint.txt", forged.getBytes(StandardCharsets.UTF_8)), vkey))
                .contains("FAIL checkpoint.txt: the note has no signature by " + vkey);
        assertThat(verify(zip, forger.verifier().text())).as("a bundle checked against the wrong key").contains("FAILED");
    }

    /** Tampering done by someone with the database owner's rights, with the append-only triggers off. */
    /**
     * Runs statements as the owner (who is not held by row-level security) with the append-only triggers off; each
     * statement's WHERE is narrowed to this test's tenant, so no other test's log is touched.
     */
    void tamper(String... statements) throws Exception {
        String mine = " WHERE tenant_id = '" + tenant.id() + "' AND ";
        try (var c = owner.getConnection(); var s = c.createStatement()) {
            s.execute("SELECT set_config('candor.tenant_id', '" + tenant.id() + "', false)");
            s.execute("ALTER TABLE evidence_entry DISABLE TRIGGER evidence_entry_append_only");
            s.execute("ALTER TABLE evidence_checkpoint DISABLE TRIGGER evidence_checkpoint_append_only");
            try {
                for (String statement : statements) {
                    if (!statement.contains(" WHERE ")) {
                        throw new IllegalArgumentException("a tampering statement needs a WHERE: " + statement);
                    }
                    s.execute(statement.replaceFirst(" WHERE ", mine));
                }
            } finally {
                s.execute("ALTER TABLE evidence_entry ENABLE TRIGGER evidence_entry_append_only");
                s.execute("ALTER TABLE evidence_checkpoint ENABLE TRIGGER evidence_checkpoint_append_only");
            }
        }
    }

    /** A fresh tenant whose log holds six letters and a checkpoint of them all; returns that checkpoint. */
    Checkpoints.Stored sixLetters() {
        setUp();
        for (int i = 0; i < 6; i++) {
            record("LETTER_SENT", "letter " + i + " " + UUID.randomUUID());
        }
        Checkpoints.Stored c = TenantContext.call(tenant.id(), () -> checkpoints.issue().orElseThrow());
        assertThat(audit().problems()).isEmpty();
        return c;
    }

    @Test
    void theSelfAuditCatchesAChangedByte() throws Exception {
        sixLetters();
        tamper("UPDATE evidence_entry SET entry = overlay(entry placing '\\x41'::bytea from 40 for 1) WHERE idx = 2");
        assertThat(audit().problems()).anyMatch(p -> p.contains("do not match the signed checkpoint"));
        assertThat(JdbcClient.create(owner).sql("SELECT count(*) FROM evidence_audit WHERE NOT ok AND tenant_id = :t")
                .param("t", tenant.id()).query(Long.class).single()).isPositive();
    }

    @Test
    void theSelfAuditCatchesReordering() throws Exception {
        sixLetters();
        tamper("UPDATE evidence_entry SET idx = 1000000 WHERE idx = 3", "UPDATE evidence_entry SET idx = 3 WHERE idx = 4",
                "UPDATE evidence_entry SET idx = 4 WHERE idx = 1000000");
        assertThat(audit().problems()).anyMatch(p -> p.contains("changed, reordered or replaced"));
    }

    @Test
    void theSelfAuditCatchesADeletion() throws Exception {
        sixLetters();
        tamper("DELETE FROM evidence_entry WHERE idx = 1");
        assertThat(audit().problems()).anyMatch(p -> p.contains("entries 1 to 1 are missing: deleted"));
    }

    @Test
    void theSelfAuditCatchesTruncation() throws Exception {
        Checkpoints.Stored c = sixLetters();
        tamper("DELETE FROM evidence_entry WHERE idx = " + (c.size() - 1));
        assertThat(audit().problems()).anyMatch(p -> p.contains("truncated"));
    }

    @Test
    void theSelfAuditCatchesAFork() throws Exception {
        Checkpoints.Stored c = sixLetters();
        String forked = SignedNote.sign(new Checkpoint("candor/" + tenant.id(), c.size(), new byte[32], List.of()).text(),
                signer);
        tamper("UPDATE evidence_checkpoint SET root = '\\x" + "00".repeat(32) + "', note = '" + forked.replace("'", "''")
                + "' WHERE size = " + c.size());
        assertThat(audit().problems()).anyMatch(p -> p.contains("do not match the signed checkpoint of size " + c.size()));
    }

    @Test
    void theSelfAuditCatchesChangedContent() throws Exception {
        Checkpoints.Stored c = sixLetters();
        byte[] last = TenantContext.call(tenant.id(), () -> JdbcClient.create(appDataSource)
                .sql("SELECT entry FROM evidence_entry WHERE idx = :i").param("i", c.size() - 1).query(byte[].class).single());
        String named = Entry.decode(last).contents().getFirst();
        Files.write(contentPath(named), "not the letter".getBytes(StandardCharsets.UTF_8));
        assertThat(audit().problems()).anyMatch(p -> p.contains("content " + named + " of entry"));
    }

    @Test
    void aRestartedSequencerResumesFromTheStoredTiles() {
        sixLetters();
        Sequencer restarted = new Sequencer(JdbcClient.create(appDataSource), tx, new TileStore(JdbcClient.create(appDataSource)),
                each);
        long size = TenantContext.call(tenant.id(), () -> {
            for (int i = 0; i < 300; i++) { // across a tile boundary
                int n = i;
                tx.executeWithoutResult(s -> recorder.record(new EvidenceEvent("NOTE",
                        EvidenceEvent.Subject.account(account), null, Instant.now(),
                        Map.of("n", Integer.toString(n)), List.of())));
            }
            long after = restarted.sequence(true);
            checkpoints.issue();
            return after;
        });
        assertThat(size).isGreaterThanOrEqualTo(306);
        assertThat(audit().problems()).isEmpty();
    }

    @Autowired
    DataSource appDataSource;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    EvidenceRecorder recorder;

    SelfAudit.Report audit() {
        return TenantContext.call(tenant.id(), () -> selfAudit.run());
    }

    Path contentPath(String hash) throws Exception {
        var f = ContentStore.class.getDeclaredField("dir");
        f.setAccessible(true);
        return ((Path) f.get(content)).resolve(hash.substring(0, 2)).resolve(hash);
    }

    static byte[] flip(byte[] b) {
        byte[] c = b.clone();
        c[c.length / 2] ^= 1;
        return c;
    }

    static Map<String, byte[]> unzip(Path zip) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : Collections.list(z.entries())) {
                out.put(e.getName(), z.getInputStream(e).readAllBytes());
            }
        }
        return out;
    }

    static Path tampered(Path original, Map<String, byte[]> files, String name, byte[] replacement) throws Exception {
        Map<String, byte[]> copy = new LinkedHashMap<>(files);
        if (replacement == null) {
            copy.remove(name);
        } else {
            copy.put(name, replacement);
        }
        return write(original.resolveSibling("tampered-" + UUID.randomUUID() + ".zip"), copy);
    }

    static Path write(Path zip, Map<String, byte[]> files) throws Exception {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (var e : files.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return zip;
    }

    static String verify(Path zip, String key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Main.run(List.of(zip.toString(), "--key", key), new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Runs the built candor-verify.jar in its own JVM, as a court's expert would. */
    static int verifyWithJar(Path zip, String key) throws Exception {
        Path jar = Path.of("../verify/target/candor-verify.jar");
        assertThat(jar).as("mvn builds the verifier before the app").exists();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), zip.toString(), "--key", key).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        assertThat(output).contains(exit == 0 ? "VERIFIED" : "FAIL");
        return exit;
    }
}
