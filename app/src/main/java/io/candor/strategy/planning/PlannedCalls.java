package io.candor.strategy.planning;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * The day's planned AI calls ({@code VOICE_AI} steps) as they fall due, for the dialler: each is claimed by one
 * instance and dialled under its key {@code plan:<date>:<account>:<step>}, so it rings at most once; one whose
 * dialler died before the call existed is due again, under the same key, once stale.
 */
@Service
public class PlannedCalls {

    /** A planned call whose time has come. */
    public record Due(UUID account, String key, DueActions.DueAction action) {
    }

    private final DueActions due;

    PlannedCalls(DueActions due) {
        this.due = due;
    }

    /** Claims the earliest due AI call of the tenant in context, if any. */
    public Optional<Due> claimNext() {
        return due.claimNextCall().map(a -> new Due(a.account(), a.key(), a));
    }

    /** The call the planned one became. */
    public void dialled(Due call, UUID id) {
        due.becameCall(call.action(), id);
    }

    /** The gate refused it at dial time, by these rules. */
    public void refused(Due call, List<String> rules) {
        due.refused(call.action(), rules);
    }

    /** It could not be tried now (every line in use): due again on the next round. */
    public void release(Due call) {
        due.release(call.action());
    }
}
