package io.candor.dialer;

/** Where a campaign is: made and not yet started, dialling, or paused by a supervisor. */
enum CampaignState {
    READY, RUNNING, PAUSED
}
