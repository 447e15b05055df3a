package io.candor.dialer;

/** Why a collector is paused or offline: what time-in-state reports count. */
enum PauseReason {
    BREAK, MEAL, TRAINING, MEETING, COACHING, ADMIN, TECHNICAL,
    /** Set by Candor, not chosen: the phone stopped answering through the registrar. */
    PHONE_UNREACHABLE
}
