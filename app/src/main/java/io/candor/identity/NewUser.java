package io.candor.identity;

import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A user to create. */
public record NewUser(
        @NotBlank @Pattern(regexp = "[a-z0-9._@-]{1,64}",
                message = "use 1 to 64 lower-case letters, digits, '.', '_', '@' or '-'") String username,
        @NotBlank @Size(max = 200) String displayName,
        @Nullable @Email String email,
        @NotBlank @Size(min = 10, max = 200, message = "must be 10 to 200 characters long") String password,
        @NotEmpty Set<Role> roles,
        @Nullable @Pattern(regexp = "en|zh-CN|zh-TW", message = "must be one of en, zh-CN, zh-TW") String locale) {
}
