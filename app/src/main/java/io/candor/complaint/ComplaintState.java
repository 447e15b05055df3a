package io.candor.complaint;

import java.util.EnumSet;
import java.util.Set;

/** Where a complaint case is, and where it may go next. */
enum ComplaintState {
    RECEIVED, ACKNOWLEDGED, INVESTIGATING, RESPONDED, CLOSED, REFERRED, REOPENED;

    /** The states a case may move to from this one (RESPONDED only through an approved final response). */
    Set<ComplaintState> next() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(ACKNOWLEDGED, INVESTIGATING, REFERRED);
            case ACKNOWLEDGED -> EnumSet.of(INVESTIGATING, REFERRED);
            case INVESTIGATING, REOPENED -> EnumSet.of(INVESTIGATING, RESPONDED, REFERRED);
            case RESPONDED -> EnumSet.of(CLOSED, REFERRED, REOPENED);
            case REFERRED -> EnumSet.of(CLOSED, REOPENED);
            case CLOSED -> EnumSet.of(REOPENED);
        };
    }

    boolean open() {
        return this != CLOSED;
    }
}
