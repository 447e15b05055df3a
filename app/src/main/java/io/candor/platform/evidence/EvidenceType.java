package io.candor.platform.evidence;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds of record Candor itself writes to the evidence log, one list. The log keeps the type as text (the
 * evidence API also records actions of external systems under their own codes), so a stored type is read back with
 * {@link #named}.
 */
public enum EvidenceType {
    ACCOUNT_NOTE, ACCOUNT_SIGNAL,
    AGENT_HANDOVER, AGENT_TURN,
    ARRANGEMENT_ACTIVE, ARRANGEMENT_APPROVED, ARRANGEMENT_BROKEN, ARRANGEMENT_CANCELLED, ARRANGEMENT_ENDED,
    ARRANGEMENT_KEPT, ARRANGEMENT_NOT_MADE, ARRANGEMENT_PARTIALLY_KEPT, ARRANGEMENT_PROPOSED, ARRANGEMENT_REJECTED,
    BALANCE_WAIVED,
    CALL_RECORDED,
    CHANNEL_OPTED_IN, CHANNEL_OPTED_OUT,
    COMPLAINT_STEP,
    CONSENT_GRANTED, CONSENT_REVOKED,
    CONTACT_DECISION, CONTACT_DISPOSITION, CONTACT_OUTCOME, CONTACT_PREFERENCE_SET,
    DISPUTE_DOCUMENT,
    EMAIL_REPLY,
    HOLD_LIFTED, HOLD_SET,
    MESSAGE_RECEIPT, MESSAGE_SENT,
    PAID_CLAIM, PAYMENT_POSTED, PAYMENT_REVERSED,
    PLAN_REQUESTED,
    PORTAL_LINK_CREATED, PORTAL_LINK_REVOKED, PORTAL_VERIFIED,
    PROMISE_RECORDED,
    RECORDING_ERASED,
    SMS_REPLY,
    STAFF_READ,
    STRATEGY_ASSIGNMENT,
    WRONG_PARTY;

    private static final Map<String, EvidenceType> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Enum::name, t -> t));

    /** The type a stored code names, if Candor writes it (read for every evidence event the metrics count). */
    public static Optional<EvidenceType> named(String code) {
        return Optional.ofNullable(BY_NAME.get(code));
    }
}
