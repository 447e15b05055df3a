package io.candor.arrangement;

import java.util.UUID;

/**
 * An arrangement started, ended or broke: published inside the transaction that changed it, so a listener (the
 * strategy's account signals) changes with it.
 */
public record ArrangementChanged(UUID account, UUID arrangement, Kind kind, Status status) {
}
