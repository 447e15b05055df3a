package io.candor.evidence;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/** Whether background work (sequencing, checkpoints, self-audit) may start: not once the application is closing. */
@Component
class Background implements ApplicationListener<ContextClosedEvent> {

    private volatile boolean closing;

    boolean running() {
        return !closing;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        closing = true;
    }
}
