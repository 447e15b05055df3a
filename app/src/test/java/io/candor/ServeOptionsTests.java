package io.candor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServeOptionsTests {

    @Test
    void turnsLauncherOptionsIntoSpringProperties() {
        String[] spring = CandorApplication.ServeOptions.parse(
                new String[] {"--demo", "--port", "18080", "--data-dir=/tmp/x", "--json-logs"}).toSpringArguments();
        assertThat(spring).containsExactlyInAnyOrder("--candor.demo.enabled=true", "--server.port=18080",
                "--candor.data-dir=/tmp/x", "--logging.structured.format.console=ecs",
                "--candor.cli.remember-server=true");
    }

    @Test
    void passesSpringPropertiesThrough() {
        assertThat(CandorApplication.ServeOptions.parse(new String[] {"--candor.db.pool-size=4"}).toSpringArguments())
                .containsExactly("--candor.db.pool-size=4", "--candor.cli.remember-server=true");
    }
}
