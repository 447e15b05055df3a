package io.candor.arrangement;

/** Where one instalment of a plan stands: the {@code arrangement_instalment.status} column's vocabulary. */
enum InstalmentStatus {
    /** Not yet due, nothing paid. */
    DUE,
    /** Paid in full. */
    PAID,
    /** Part paid, not yet missed. */
    PARTIAL,
    /** Past its due date and grace, not paid in full. */
    MISSED
}
