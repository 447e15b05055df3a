package io.candor.strategy.planning;

import java.math.BigDecimal;
import java.util.List;

import io.candor.compliance.Channel;

/**
 * What happened to an experiment's accounts since each was assigned to an arm — payments, promises, complaints and
 * contacts, all recorded by other modules. Strategy owns the question; the reporting module, which reads every
 * module's records, answers it (insight's {@code ExperimentOutcomes}).
 */
public interface ArmOutcomes {

    /**
     * Per arm and currency: accounts, balance at assignment and collected (minor units), payers, the sum and the sum
     * of squares of each account's recovered share, promises (an arrangement since assignment), kept ones (paid,
     * never broken), complaints since assignment.
     */
    record Accounts(String variant, String currency, long accounts, BigDecimal balanceMinor, BigDecimal collectedMinor,
                    long payers, double shareSum, double shareSquares, long promises, long kept, long complaints) {
    }

    /** Contacts made since assignment, per arm and channel. */
    record Contacts(String variant, Channel channel, long contacts) {
    }

    /** The accounts' outcomes of the experiment of this strategy and seed. */
    List<Accounts> accounts(String strategy, long seed);

    /** The contacts made on the experiment's accounts. */
    List<Contacts> contacts(String strategy, long seed);
}
