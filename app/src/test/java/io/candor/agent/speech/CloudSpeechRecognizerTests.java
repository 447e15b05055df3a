package io.candor.agent.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

/** The cloud recogniser's streaming protocol, spoken with a local gateway over a real WebSocket. */
class CloudSpeechRecognizerTests {

    @Test
    void streamsACallsAudioAndHearsTheSentences() throws Exception {
        try (FakeSpeechGateway gateway = new FakeSpeechGateway("tok-1", "我下周五还五百块。")) {
            SpeechRecognizer r = SpeechRecognizer.cloud(URI.create("ws://127.0.0.1:" + gateway.port + "/ws/v1"),
                    "app-key-1", "tok-1");
            List<SpeechRecognizer.Heard> heard = new CopyOnWriteArrayList<>();
            try (SpeechRecognizer.Session s = r.open("zh-CN", 8000, heard::add)) {
                for (int i = 0; i < 100; i++) {
                    s.feed(new short[160]); // two seconds of a call, 20 ms at a time
                }
            }
            assertThat(gateway.audioBytes).isEqualTo(100 * 320);
            assertThat(heard).contains(new SpeechRecognizer.Heard("我下周五还五百块。", true, 120));
            assertThat(heard.getFirst().complete()).as("a sentence in progress first").isFalse();
            var start = gateway.commands.getFirst();
            assertThat(start.path("header").path("name").asString()).isEqualTo("StartTranscription");
            assertThat(start.path("header").path("appkey").asString()).isEqualTo("app-key-1");
            assertThat(start.path("header").path("namespace").asString()).isEqualTo("SpeechTranscriber");
            assertThat(start.path("payload").path("format").asString()).isEqualTo("pcm");
            assertThat(start.path("payload").path("sample_rate").asInt()).isEqualTo(8000);
            assertThat(gateway.commands.getLast().path("header").path("name").asString()).isEqualTo("StopTranscription");
            assertThat(gateway.commands.getLast().path("header").path("task_id").asString())
                    .isEqualTo(start.path("header").path("task_id").asString());
        }
    }

    @Test
    void aRefusedTokenSaysSoInTheGatewaysWords() throws Exception {
        try (FakeSpeechGateway gateway = new FakeSpeechGateway("right", "x")) {
            SpeechRecognizer r = SpeechRecognizer.cloud(URI.create("ws://127.0.0.1:" + gateway.port + "/ws/v1"),
                    "app", "wrong");
            assertThatThrownBy(() -> r.open("zh-CN", 8000, h -> { })).isInstanceOf(SpeechRecognizer.Failed.class)
                    .hasMessageContaining("ACCESS_DENIED");
        }
    }

    @Test
    void aGatewayThatIsNotThereSaysWhere() {
        SpeechRecognizer r = SpeechRecognizer.cloud(URI.create("ws://127.0.0.1:9/ws/v1"), "app", "t");
        assertThatThrownBy(() -> r.open("zh-CN", 8000, h -> { })).isInstanceOf(SpeechRecognizer.Failed.class)
                .hasMessageContaining("127.0.0.1:9");
    }
}
