package io.candor.strategy.planning;

import io.candor.arrangement.ArrangementChanged;
import io.candor.arrangement.Kind;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The strategy reacts to arrangements through the account signals its segments read: a payment arrangement in
 * force pauses the ladder, a broken one raises ARRANGEMENT_BROKEN (re-entry, next tier), and one that ends
 * otherwise clears the pause. Runs inside the transaction that changed the arrangement.
 */
@Component
class ArrangementSignals {

    private final AccountSignals signals;

    ArrangementSignals(AccountSignals signals) {
        this.signals = signals;
    }

    @EventListener
    void on(ArrangementChanged e) {
        if (e.kind() == Kind.HARDSHIP) {
            return; // a hardship buffer pauses collection through its hold
        }
        String source = "arrangement " + e.arrangement();
        switch (e.status()) {
            case ACTIVE -> signals.raise(e.account(), AccountSignals.Signal.ARRANGEMENT_ACTIVE, source);
            case BROKEN, PARTIALLY_KEPT -> signals.raise(e.account(), AccountSignals.Signal.ARRANGEMENT_BROKEN, source);
            case KEPT, CANCELLED, ENDED -> signals.clear(e.account(), AccountSignals.Signal.ARRANGEMENT_ACTIVE, source);
            case PENDING_APPROVAL, REJECTED -> {
            }
        }
    }
}
