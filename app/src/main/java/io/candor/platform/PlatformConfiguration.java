package io.candor.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Platform-wide beans. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** The one source of "now"; tests and simulations replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
