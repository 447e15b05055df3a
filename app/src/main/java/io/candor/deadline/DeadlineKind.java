package io.candor.deadline;

/** What a deadline is for. Legal deadlines (limitation, court steps) join this list with their own rule data. */
enum DeadlineKind {
    COMPLAINT
}
