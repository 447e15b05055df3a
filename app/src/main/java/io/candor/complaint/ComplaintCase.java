package io.candor.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.candor.deadline.Complexity;
import org.jspecify.annotations.Nullable;

/**
 * A complaint case as the API shows it: what it is about and where it came from, its state and handler, its
 * deadlines (the last day for each, by the debtor's jurisdiction, and the rules that gave them), and its final
 * response with who drafted and who approved it, and the message that carried it once sent. {@code duplicateOf}: the
 * first case of the same grievance.
 */
record ComplaintCase(UUID id, UUID account, Instant receivedAt, Intake intake, @Nullable String referredFrom,
                            @Nullable String externalRef, String jurisdiction, Complexity complexity, String summary,
                            AboutKind aboutKind, @Nullable String about, ComplaintState state,
                            @Nullable String handler, @Nullable UUID duplicateOf,
                            @Nullable LocalDate summaryResolutionBy, @Nullable LocalDate responseBy,
                            @Nullable LocalDate finalResponseBy, List<String> deadlineRules,
                            @Nullable String responseText, @Nullable String respondedBy, @Nullable String approvedBy,
                            String createdBy, Instant updatedAt, @Nullable RootCause rootCause,
                            @Nullable UUID responseMessage, @Nullable String responseChannel,
                            @Nullable Instant responseSentAt) {

    ComplaintCase {
        deadlineRules = List.copyOf(deadlineRules);
    }

    /**
     * What caused it, as its handler found: a cause of the taxonomy, who or what (a collector's username, the AI
     * agent, an agency's code, the creditor), the contacts, the template version and the strategy variant involved,
     * and the rule packs in force for the debtor's jurisdiction then.
     */
    record RootCause(String cause, AboutKind causedByKind, @Nullable String causedBy, List<UUID> contactEvents,
                     @Nullable String template, @Nullable String strategyVariant, @Nullable String rulePacks) {
        RootCause {
            contactEvents = List.copyOf(contactEvents);
        }
    }

    /** A step of a case: who moved it, from where to where, and why. */
    public record Step(Instant at, String by, String step, @Nullable ComplaintState from, ComplaintState to,
                       String note) {
    }
}
