package io.candor.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import io.candor.support.Kamailio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtensionProbeTests {

    private final ExtensionProbe probe = new ExtensionProbe();

    @Test
    void knowsAnExtensionIsRegisteredOnlyWhileItsPhoneIsRegisteredAndAnswering(@TempDir Path dir) throws Exception {
        try (Kamailio registrar = Kamailio.start(dir.resolve("kamailio"))) {
            assertThat(probe.probe("127.0.0.1", registrar.port, "1001", Duration.ofSeconds(5)))
                    .as("nothing registered yet").isEqualTo(ExtensionProbe.Presence.UNREACHABLE);
            Baresip phone = Baresip.registered(java.nio.file.Files.createDirectories(dir.resolve("phone")), "1001",
                    registrar.port, new short[0]);
            try {
                assertThat(probe.probe("127.0.0.1", registrar.port, "1001", Duration.ofSeconds(5)))
                        .as(registrar.log()).isEqualTo(ExtensionProbe.Presence.REGISTERED);
                assertThat(probe.probe("127.0.0.1", registrar.port, "1002", Duration.ofSeconds(5)))
                        .isEqualTo(ExtensionProbe.Presence.UNREACHABLE);
            } finally {
                phone.kill();
            }
            // still in the registrar's location, but nothing answers there
            assertThat(probe.probe("127.0.0.1", registrar.port, "1001", Duration.ofSeconds(6)))
                    .isEqualTo(ExtensionProbe.Presence.UNREACHABLE);
        }
        // the registrar gone too
        assertThat(probe.probe("127.0.0.1", 9, "1001", Duration.ofSeconds(2)))
                .isEqualTo(ExtensionProbe.Presence.NO_REGISTRAR);
    }
}
