package io.candor.arrangement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.candor.platform.money.Money;
import org.jspecify.annotations.Nullable;

/** An arrangement as the API, the portal and the workbench show it, with its instalments and approval trail. */
public record Arrangement(UUID id, UUID accountId, Kind kind, Status status, Money balance, Money total,
                         Money discount, Money paid, @Nullable BigDecimal ratePct, @Nullable Integer bufferDays,
                         @Nullable LocalDate reviewOn, @Nullable String reason, String offeredBy, Offerer offeredAs,
                         @Nullable Offerer approvalLevel, LocalDate createdOn, @Nullable LocalDate activatedOn,
                         @Nullable LocalDate endedOn, List<Instalment> instalments, List<Decision> decisions) {

    /** One instalment and what has been paid towards it. */
    public record Instalment(int seq, LocalDate dueOn, Money amount, Money paid, InstalmentStatus status) {
    }

    /** One approval decision. */
    public record Decision(String decision, String decidedBy, Offerer decidedAs, @Nullable String note, Instant at) {
    }

    /** The next instalment not yet paid in full, if any. */
    public Optional<Instalment> nextDue() {
        return instalments.stream().filter(i -> i.status() != InstalmentStatus.PAID).findFirst();
    }
}
