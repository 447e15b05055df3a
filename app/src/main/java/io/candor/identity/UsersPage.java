package io.candor.identity;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.ConflictException;
import io.candor.platform.web.CursorPage;
import io.candor.platform.web.NotFoundException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The users of the organisation, for administrators: create one (the password given is temporary: the user chooses
 * their own at the first sign-in), disable and re-enable, reset a password, and the collectors' certificates with a
 * warning for those that run out within {@value #WARN_DAYS} days.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class UsersPage {

    /** Certificates that run out within this many days are flagged. */
    static final int WARN_DAYS = 30;

    private final Users users;
    private final UserAccess access;
    private final Validator validator;

    UsersPage(Users users, UserAccess access, Validator validator) {
        this.users = users;
        this.access = access;
        this.validator = validator;
    }

    @GetMapping("/users")
    String users(Model model) {
        model.addAttribute("users", users.list(null, CursorPage.MAX_LIMIT).items());
        model.addAttribute("qualifications", users.allQualifications());
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("warnBefore", LocalDate.now().plusDays(WARN_DAYS));
        model.addAttribute("roles", Role.tenantRoles());
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", Map.of());
            model.addAttribute("form", Map.of("username", "", "displayName", "", "email", "", "locale", "zh-CN"));
            model.addAttribute("chosenRoles", Set.of());
        }
        return "users";
    }

    @PostMapping("/users")
    String create(@RequestParam Map<String, String> f, @RequestParam(name = "roles", required = false)
            @Nullable List<String> roleNames, Model model, RedirectAttributes redirect) {
        Map<String, String> problems = new LinkedHashMap<>();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : roleNames == null ? List.<String>of() : roleNames) {
            try {
                roles.add(Role.valueOf(r));
            } catch (IllegalArgumentException e) {
                problems.put("roles", "unknown role " + r);
            }
        }
        String username = f.getOrDefault("username", "").strip();
        NewUser user = new NewUser(username, f.getOrDefault("displayName", "").strip(), blank(f.get("email")),
                f.getOrDefault("password", ""), roles, f.getOrDefault("locale", "en"));
        for (ConstraintViolation<NewUser> v : validator.validate(user)) {
            problems.merge(v.getPropertyPath().toString(), v.getMessage(), (a, b) -> a + "; " + b);
        }
        String weak = Passwords.weakness(user.password(), username, CurrentUser.get().tenantSlug());
        if (weak != null) {
            problems.merge("password", weak, (a, b) -> a + "; " + b);
        }
        if (problems.isEmpty()) {
            try {
                UserView created = users.create(user);
                users.requirePasswordChange(created.id());
                redirect.addFlashAttribute("done", "users.created");
                redirect.addFlashAttribute("doneArg", created.username());
                return "redirect:/users";
            } catch (BadRequestException | ConflictException e) {
                problems.put(e instanceof ConflictException && e.getMessage() != null
                        && e.getMessage().contains("already exists") ? "username" : "roles", String.valueOf(e.getMessage()));
            }
        }
        model.addAttribute("problems", problems);
        model.addAttribute("form", Map.of("username", username, "displayName", user.displayName(),
                "email", user.email() == null ? "" : user.email(), "locale", String.valueOf(user.locale())));
        model.addAttribute("chosenRoles", roles);
        return users(model);
    }

    @PostMapping("/users/{id}/disabled")
    String disable(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            access.disable(id);
        } catch (BadRequestException e) {
            if (e.key() != null) {
                redirect.addFlashAttribute("problemKey", e.key());
            } else {
                redirect.addFlashAttribute("problem", e.getMessage());
            }
            return "redirect:/users";
        }
        redirect.addFlashAttribute("done", "users.disabledDone");
        redirect.addFlashAttribute("doneArg", name(id));
        return "redirect:/users";
    }

    @PostMapping("/users/{id}/enabled")
    String enable(@PathVariable UUID id, RedirectAttributes redirect) {
        users.setEnabled(id, true);
        redirect.addFlashAttribute("done", "users.enabledDone");
        redirect.addFlashAttribute("doneArg", name(id));
        return "redirect:/users";
    }

    @PostMapping("/users/{id}/password-reset")
    String reset(@PathVariable UUID id, @RequestParam(defaultValue = "") String password,
            RedirectAttributes redirect) {
        try {
            access.reset(id, password);
            redirect.addFlashAttribute("done", "users.resetDone");
            redirect.addFlashAttribute("doneArg", name(id));
        } catch (BadRequestException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/users";
    }

    @PostMapping("/users/{id}/qualifications")
    String qualify(@PathVariable UUID id, @RequestParam(defaultValue = "") String qualification,
            @RequestParam(defaultValue = "") String validUntil, RedirectAttributes redirect) {
        String q = qualification.strip().toUpperCase(Locale.ROOT);
        if (!q.matches("[A-Z0-9_]{2,40}")) {
            redirect.addFlashAttribute("problemKey", "users.badQualification");
            return "redirect:/users";
        }
        try {
            users.qualify(id, q, LocalDate.parse(validUntil.strip()));
            redirect.addFlashAttribute("done", "users.qualifiedDone");
            redirect.addFlashAttribute("doneArg", name(id));
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("problemKey", "users.badDate");
        }
        return "redirect:/users";
    }

    private String name(UUID id) {
        return users.find(id).map(UserView::username).orElseThrow(() -> new NotFoundException("user", id));
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
