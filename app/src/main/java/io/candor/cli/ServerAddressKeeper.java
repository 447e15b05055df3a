package io.candor.cli;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** When started by {@code candor serve}, notes where it listens for the other commands ({@link LastServer}). */
@Component
@ConditionalOnProperty(name = "candor.cli.remember-server", havingValue = "true")
class ServerAddressKeeper {

    @EventListener
    void on(WebServerInitializedEvent e) {
        LastServer.remember(e.getWebServer().getPort());
    }
}
