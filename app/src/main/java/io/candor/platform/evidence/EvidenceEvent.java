package io.candor.platform.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Something a court or a regulator may need proven: published by any module (a gate decision, a contact's outcome,
 * a hold, a consent change, a payment, a staff read of debtor data …) with Spring's event publisher, inside the
 * transaction that does the thing; the evidence module logs it in the same transaction, so the action and its
 * evidence commit together. Carry no personal data: the subject is an id (the log keeps only a keyed hash of it),
 * facts are codes and amounts, and content (a message body, a letter, a recording) is stored apart and logged by
 * its SHA-256.
 *
 * @param type     upper-case code: Candor's own are the {@link EvidenceType}s, e.g. {@code CONTACT_DECISION}
 * @param subject  whose matter: an account or a debtor
 * @param actor    who acted (a username, {@code ai-agent}); null: the signed-in user, else {@code system}
 * @param facts    names {@code [a-z][a-zA-Z0-9_.-]*}, values printable without line breaks
 * @param contents the bytes of documents or recordings that belong to the record
 */
public record EvidenceEvent(String type, Subject subject, @Nullable String actor, Instant at, Map<String, String> facts,
                            List<byte[]> contents) {

    /** The account or debtor the record is about. */
    public record Subject(Kind kind, UUID id) {

        public enum Kind { ACCOUNT, DEBTOR }

        public static Subject account(UUID id) {
            return new Subject(Kind.ACCOUNT, id);
        }

        public static Subject debtor(UUID id) {
            return new Subject(Kind.DEBTOR, id);
        }
    }

    /** Many events of one action (a planning run's assignments), logged with one batched insert. */
    public record Batch(List<EvidenceEvent> events) {
        public Batch {
            events = List.copyOf(events);
        }
    }

    public EvidenceEvent {
        facts = Map.copyOf(facts);
        contents = List.copyOf(contents);
    }

    /** One of Candor's own records. */
    public EvidenceEvent(EvidenceType type, Subject subject, @Nullable String actor, Instant at,
            Map<String, String> facts, List<byte[]> contents) {
        this(type.name(), subject, actor, at, facts, contents);
    }

    /** One of Candor's own records, by the signed-in user, without content. */
    public static EvidenceEvent of(EvidenceType type, Subject subject, Instant at, Map<String, String> facts) {
        return new EvidenceEvent(type, subject, null, at, facts, List.of());
    }
}
