package io.candor.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Setting the recogniser that hears a tenant's calls: what is wrong is refused with what to write instead, the token
 * is sealed and never shown, only administrators set it, and another tenant neither sees nor inherits it.
 */
@CandorIntegrationTest
class SpeechInApiTests {

    static final String PATH = "/api/v1/channels/VOICE_AI/speech-in";

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    Api api;
    String admin;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        TestTenants.TestTenant tenant = tenants.create("speechin");
        admin = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
    }

    @Test
    void aCloudRecogniserIsSetWithASealedTokenAndReadBackWithoutIt() {
        assertThat(api.get(PATH, admin).status()).as("none set: calls are answered by keys").isEqualTo(404);
        Api.Response first = api.put(PATH, admin, """
                {"recognizer": "CLOUD", "languages": ["zh-CN", "zh-TW"], "gateway": "wss://nls.example.cn/ws/v1",
                 "appKey": "app-1"}""");
        assertThat(first.status()).isEqualTo(400);
        assertThat(first.body()).contains("token");
        Api.Response set = api.put(PATH, admin, """
                {"recognizer": "CLOUD", "languages": ["zh-CN", "zh-TW"], "gateway": "wss://nls.example.cn/ws/v1",
                 "appKey": "app-1", "token": "secret-token-1"}""");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("secretSet").asBoolean()).isTrue();
        // the token kept when the languages change without it
        Api.Response again = api.put(PATH, admin, """
                {"recognizer": "CLOUD", "languages": ["zh-CN"], "gateway": "wss://nls.example.cn/ws/v1",
                 "appKey": "app-1"}""");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        Api.Response read = api.get(PATH, admin);
        assertThat(read.json().get("languages").toString()).isEqualTo("[\"zh-CN\"]");
        assertThat(read.json().get("secretSet").asBoolean()).isTrue();
        assertThat(read.body()).doesNotContain("secret-token-1");

        TestTenants.TestTenant other = tenants.create("speechin-other");
        String theirs = api.token(other.slug(), "admin", TestTenants.PASSWORD);
        assertThat(api.get(PATH, theirs).status()).as("another tenant's setting is not seen").isEqualTo(404);
        String collector = api.token(other.slug(), "collector", TestTenants.PASSWORD);
        assertThat(api.put(PATH, collector, "{\"recognizer\": \"LOCAL\", \"languages\": [\"en\"]}").status())
                .isEqualTo(403);

        assertThat(api.send("DELETE", PATH, admin, null).status()).isEqualTo(204);
        assertThat(api.get(PATH, admin).status()).isEqualTo(404);
    }

    @Test
    void aCloudRecogniserMayBeGivenAnAccessKeyPairInstead() {
        Api.Response noSecret = api.put(PATH, admin, """
                {"recognizer": "CLOUD", "languages": ["zh-CN"], "gateway": "wss://nls-gateway-cn-beijing.aliyuncs.com/ws/v1",
                 "appKey": "app-1", "accessKeyId": "LTAI-1"}""");
        assertThat(noSecret.body()).contains("accessKeySecret");
        Api.Response set = api.put(PATH, admin, """
                {"recognizer": "CLOUD", "languages": ["zh-CN"], "gateway": "wss://nls-gateway-cn-beijing.aliyuncs.com/ws/v1",
                 "appKey": "app-1", "accessKeyId": "LTAI-1", "accessKeySecret": "ak-secret-1"}""");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("accessKeyId").asString()).isEqualTo("LTAI-1");
        assertThat(set.json().get("secretSet").asBoolean()).isTrue();
        assertThat(set.body()).doesNotContain("ak-secret-1");
        assertThat(SpeechIn.regionOf(java.net.URI.create("wss://nls-gateway-cn-beijing.aliyuncs.com/ws/v1")))
                .isEqualTo("cn-beijing");
        assertThat(SpeechIn.regionOf(java.net.URI.create("wss://nls.example.cn/ws/v1"))).isEqualTo("cn-shanghai");
        // a fixed token instead of the pair: the pair's secret is no token, so one is asked for
        Api.Response toToken = api.put(PATH, admin, """
                {"recognizer": "CLOUD", "languages": ["zh-CN"], "gateway": "wss://nls.example.cn/ws/v1",
                 "appKey": "app-1"}""");
        assertThat(toToken.status()).isEqualTo(400);
        assertThat(toToken.body()).contains("token");
    }

    @Test
    void wrongSettingsAreRefusedWithWhatToWrite() {
        assertThat(api.put(PATH, admin, "{\"recognizer\": \"ASR\", \"languages\": [\"en\"]}").body())
                .contains("LOCAL", "CLOUD");
        assertThat(api.put(PATH, admin, "{\"recognizer\": \"LOCAL\", \"languages\": [\"zh-CN\"]}").body())
                .contains("English only", "CLOUD");
        assertThat(api.put(PATH, admin, "{\"recognizer\": \"LOCAL\"}").body()).contains("languages");
        assertThat(api.put(PATH, admin, "{\"recognizer\": \"LOCAL\", \"languages\": [\"english\"]}").body())
                .contains("no language tag");
        assertThat(api.put(PATH, admin, """
                {"recognizer": "CLOUD", "languages": ["zh-CN"], "gateway": "https://nls.example.cn", "appKey": "a",
                 "token": "t"}""").body()).contains("wss://");
        Api.Response local = api.put(PATH, admin, "{\"recognizer\": \"local\", \"languages\": [\"en\", \"en-GB\"]}");
        assertThat(local.status()).as(local.body()).isEqualTo(200);
        assertThat(local.json().get("recognizer").asString()).isEqualTo("LOCAL");
    }

    @Test
    void aDebtorsLanguageIsHeardByItsFirstSubtag() {
        assertThat(SpeechIn.speaks("en-GB", "en")).isTrue();
        assertThat(SpeechIn.speaks("en", "en")).isTrue();
        assertThat(SpeechIn.speaks("zh-TW", "zh-CN")).isFalse();
        assertThat(SpeechIn.speaks("zh-CN", "zh")).isTrue();
        assertThat(SpeechIn.speaks("yue", "zh")).isFalse();
    }
}
