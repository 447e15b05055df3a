package io.candor.identity;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import io.candor.platform.web.CursorPage;
import io.candor.platform.web.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's users, for administrators. */
@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasRole('ADMIN')")
class UsersApi {

    /** A temporary password an administrator gives a user. */
    record Reset(@NotNull String password) {
    }

    private final Users users;
    private final UserAccess access;

    UsersApi(Users users, UserAccess access) {
        this.users = users;
        this.access = access;
    }

    /** Disables a user: sign-ins and tokens are refused at once. Not oneself. */
    @PostMapping("/{id}/disabled")
    UserView disable(@PathVariable UUID id) {
        return access.disable(id);
    }

    @DeleteMapping("/{id}/disabled")
    UserView enable(@PathVariable UUID id) {
        return users.setEnabled(id, true);
    }

    /** Gives a user a temporary password they must replace at their next sign-in. */
    @PostMapping("/{id}/password-reset")
    ResponseEntity<Void> reset(@PathVariable UUID id, @Valid @RequestBody Reset r) {
        access.reset(id, r.password());
        return ResponseEntity.noContent().build();
    }

    @GetMapping
    CursorPage<UserView> list(@RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return users.list(cursor, CursorPage.limit(limit));
    }

    @GetMapping("/{id}")
    UserView show(@PathVariable UUID id) {
        return users.find(id).orElseThrow(() -> new NotFoundException("user", id));
    }

    record NewQualification(@Pattern(regexp = "[A-Z0-9_]{2,40}",
            message = "use upper-case letters, digits and _, e.g. SP3 or IIBF_DRA") String qualification,
                            @NotNull LocalDate validUntil) {
    }

    /** Records a collector's certificate (e.g. Indonesia's SP3) until a date. */
    @PostMapping("/{id}/qualifications")
    ResponseEntity<Void> qualify(@PathVariable UUID id, @Valid @RequestBody NewQualification q) {
        users.qualify(id, q.qualification(), q.validUntil());
        return ResponseEntity.noContent().build();
    }

    @PostMapping
    ResponseEntity<UserView> create(@Valid @RequestBody NewUser user) {
        UserView created = users.create(user);
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(created);
    }
}
