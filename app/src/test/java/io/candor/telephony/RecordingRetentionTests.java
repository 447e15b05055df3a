package io.candor.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import io.candor.evidence.ContentStore;
import io.candor.platform.ids.Ids;
import io.candor.platform.tenant.TenantContext;
import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Recordings are kept as long as the debtor's jurisdiction requires (longer when the tenant keeps them longer), then
 * erased with a tombstone in the evidence log: the hash stays, the audio goes, and the download says so.
 */
@CandorIntegrationTest
class RecordingRetentionTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ContentStore content;

    @Autowired
    CallRetention retention;

    @Test
    void eachJurisdictionKeepsRecordingsForItsMinimumOrTheLongerTimeOfTheCreditorOrTheTenant() {
        RecordingRetention r = RecordingRetention.shipped();
        LocalDate ended = LocalDate.of(2026, 12, 2);
        assertThat(r.keep("CN", ended, 0, 0).until()).isEqualTo(LocalDate.of(2028, 12, 2));
        assertThat(r.keep("CN", ended, 0, 0).rule()).contains("CN-06");
        assertThat(r.keep("US", ended, 0, 0).until()).isEqualTo(LocalDate.of(2029, 12, 2));
        assertThat(r.keep("CN", ended, 5, 0).until()).isEqualTo(LocalDate.of(2031, 12, 2));
        assertThat(r.keep("US", ended, 1, 0).until()).as("never shorter than the law").isEqualTo(LocalDate.of(2029, 12, 2));
        assertThat(r.keep("TH", ended, 0, 0).rule()).startsWith("default");
        assertThat(r.keep("CN", ended, 3, 7).until()).as("the creditor keeps longer than the tenant")
                .isEqualTo(LocalDate.of(2033, 12, 2));
        assertThat(r.keep("CN", ended, 3, 7).rule()).startsWith("the creditor keeps recordings 7 years");
        assertThat(r.keep("CN", ended, 4, 1).rule()).startsWith("the tenant keeps recordings 4 years");
    }

    @Test
    void aRecordingPastItsRetentionIsErasedAndATombstoneKeepsItsHash() {
        Api api = new Api(port);
        TestTenants.TestTenant tenant = tenants.create("retention");
        String auditor = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        UUID account = tenant.accounts().getFirst();
        String hash = content.put(("a recording " + UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        UUID call = Ids.newId();
        TenantContext.run(tenant.id(), () -> {
            jdbc.sql("""
                            INSERT INTO call (tenant_id, id, account_id, channel, state, outcome, started_at, ended_at,
                                              placed_by, recording_sha256, recording_ms, keep_until, retention_rule)
                            VALUES (:t, :id, :a, 'VOICE_AI', 'ENDED', 'ANSWERED', now() - interval '3 years',
                                    now() - interval '3 years', 'test', :hash, 5000, current_date - 1, 'CN: CN-06')""")
                    .param("t", tenant.id()).param("id", call).param("a", account).param("hash", hash).update();
            assertThat(retention.eraseExpired()).isEqualTo(1);
            assertThat(retention.eraseExpired()).as("once").isZero();
            assertThat(jdbc.sql("""
                            SELECT (SELECT count(*) FROM evidence_entry WHERE type = 'RECORDING_ERASED')
                                 + (SELECT count(*) FROM evidence_pending WHERE type = 'RECORDING_ERASED')""")
                    .query(Long.class).single()).isEqualTo(1);
        });
        assertThat(content.get(hash)).as("the audio is gone").isEmpty();
        JsonNode view = api.get("/api/v1/calls/" + call, auditor).json();
        assertThat(view.get("recording").get("sha256").asString()).as("the hash stays").isEqualTo(hash);
        assertThat(view.get("recording").get("erasedAt").isNull()).isFalse();
        Api.Response download = api.get("/api/v1/calls/" + call + "/recording", auditor);
        assertThat(download.status()).isEqualTo(409);
        assertThat(download.json().get("detail").asString()).contains("no longer held").contains(hash);
    }
}
