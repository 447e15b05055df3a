package io.candor.portfolio;

import java.util.List;
import java.util.UUID;

import io.candor.audit.Purpose;
import io.candor.identity.CurrentUser;
import io.candor.platform.web.CursorPage;
import io.candor.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts of the caller's tenant. {@code X-Purpose} states why debtor data is read (recorded in the audit
 * trail); it defaults to {@code ACCOUNT_VIEW}.
 */
@RestController
@RequestMapping("/api/v1")
class AccountsApi {

    private final Accounts accounts;
    private final DebtorOverview debtors;

    AccountsApi(Accounts accounts, DebtorOverview debtors) {
        this.accounts = accounts;
        this.debtors = debtors;
    }

    /** One debtor's accounts seen as one (master/sub), totalled in the reporting currency. */
    @GetMapping("/debtors/{id}")
    DebtorOverview.Overview debtor(@PathVariable UUID id,
            @RequestHeader(name = "X-Purpose", defaultValue = "ACCOUNT_VIEW") String purpose) {
        return debtors.of(id, Purpose.of(purpose)).orElseThrow(() -> new NotFoundException("debtor", id));
    }

    @GetMapping("/accounts")
    CursorPage<AccountSummary> list(@RequestParam(required = false) @Nullable UUID portfolio,
            @RequestParam(required = false) @Nullable String bucket,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit,
            @Parameter(description = "why the data is read") @RequestHeader(name = "X-Purpose", defaultValue = "ACCOUNT_VIEW") String purpose) {
        return accounts.list(new Accounts.Filter(portfolio, bucket, status), cursor, CursorPage.limit(limit), Purpose.of(purpose));
    }

    /** Search by identity number, sent in the body so that it never appears in URLs or access logs. */
    record Search(@NotBlank String nationalId) {
    }

    @PostMapping("/accounts/search")
    List<AccountSummary> search(@Valid @RequestBody Search search,
            @RequestHeader(name = "X-Purpose", defaultValue = "ACCOUNT_SEARCH") String purpose) {
        return accounts.findByNationalId(search.nationalId(), Purpose.of(purpose));
    }

    @GetMapping("/accounts/{id}")
    AccountDetail show(@PathVariable UUID id,
            @RequestHeader(name = "X-Purpose", defaultValue = "ACCOUNT_VIEW") String purpose) {
        return accounts.find(id, CurrentUser.get().roles(), Purpose.of(purpose))
                .orElseThrow(() -> new NotFoundException("account", id));
    }
}
