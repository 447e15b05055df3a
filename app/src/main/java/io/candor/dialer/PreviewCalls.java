package io.candor.dialer;

import java.util.UUID;

import io.candor.channel.Providers;
import io.candor.platform.Actor;
import io.candor.platform.web.ConflictException;
import io.candor.telephony.BridgedCalls;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Preview dialling: a READY collector, having read the account, presses dial; Candor asks the gate, rings their phone,
 * then the debtor, and bridges the two. The collector is ON_CALL from the press, WRAP_UP once a bridged call ends,
 * READY again when the debtor was not reached.
 */
@Service
public class PreviewCalls {

    private final Agents agents;
    private final BridgedCalls bridged;
    private final Providers providers;
    PreviewCalls(Agents agents, BridgedCalls bridged, Providers providers) {
        this.agents = agents;
        this.bridged = bridged;
        this.providers = providers;
    }

    /**
     * The workbench's dial button: a collector READY on the floor gets a real bridged call (the gate deciding now, a
     * refusal thrown as {@link io.candor.compliance.gate.ContactGate.Refused}); anyone else nothing — they dial by
     * hand on a phone Candor does not know.
     */
    public java.util.Optional<BridgedCalls.Placed> dialOnTheFloor(Actor collector, UUID account, UUID contactPoint) {
        boolean ready = agents.of(collector.username()).filter(v -> v.state() == AgentState.READY).isPresent();
        return ready ? java.util.Optional.of(dial(collector, account, contactPoint)) : java.util.Optional.empty();
    }

    BridgedCalls.Placed dial(Actor collector, UUID account, @Nullable UUID contactPoint) {
        Agents.View me = agents.of(collector.username()).filter(v -> v.state() == AgentState.READY)
                .orElseThrow(() -> new ConflictException("Choose READY with your phone's extension before you dial "
                        + "(PUT /api/v1/agents/me/state, or the workbench's floor buttons)."));
        Registrar registrar = Registrar.required(providers);
        agents.moved(me.username(), AgentState.ON_CALL, "dialer");
        boolean[] talked = new boolean[1];
        try {
            return bridged.place(account, contactPoint, new BridgedCalls.Collector(registrar.host(), registrar.port(),
                    me.extension()), collector, new BridgedCalls.Progress() {
                        @Override
                        public void bridged() {
                            talked[0] = true;
                        }

                        @Override
                        public void ended(String outcome, @Nullable String transferredTo) {
                            if (transferredTo != null) {
                                // the supervisor who took it wraps it up; the collector already is, since the transfer
                                agents.moved(transferredTo, AgentState.WRAP_UP, "dialer");
                            } else {
                                agents.moved(me.username(), talked[0] ? AgentState.WRAP_UP : AgentState.READY,
                                        "dialer");
                            }
                        }
                    });
        } catch (RuntimeException refused) {
            agents.moved(me.username(), AgentState.READY, "dialer"); // nothing rang: ready as before
            throw refused;
        }
    }
}
