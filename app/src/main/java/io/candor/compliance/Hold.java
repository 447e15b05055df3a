package io.candor.compliance;

/** States that stop all outbound contact until lifted. */
public enum Hold {
    DISPUTE, CEASE_COMMUNICATION, BANKRUPTCY, DECEASED, COMPLAINT_OPEN, HARDSHIP_PAUSE, ATTORNEY_REPRESENTED,
    BREATHING_SPACE
}
