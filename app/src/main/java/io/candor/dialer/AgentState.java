package io.candor.dialer;

/** Where a collector is on the call floor. */
enum AgentState {
    /** Signed in, phone registered, waiting for a call. */
    READY,
    /** On a call the dialer bridged to them. */
    ON_CALL,
    /** The call ended; writing the disposition, within the campaign's wrap-up time. */
    WRAP_UP,
    /** Signed in but taking no calls, for a reason. */
    PAUSED,
    /** Not taking calls: signed out, or their phone is not registered. */
    OFFLINE
}
