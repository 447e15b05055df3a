package io.candor.identity;

import io.candor.platform.web.BadRequestException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Choosing one's own password in the web: the current one, a strong new one, twice. A user whose password someone
 * else chose (the platform operator's generated one, an administrator's reset) is brought here first.
 */
@Controller
class PasswordPage {

    private final OwnPassword password;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    PasswordPage(OwnPassword password) {
        this.password = password;
    }

    @GetMapping("/password")
    String form(Model model) {
        model.addAttribute("forced", CurrentUser.get().mustChangePassword());
        return "password";
    }

    @PostMapping("/password")
    String change(@RequestParam String current, @RequestParam("new") String chosen, @RequestParam String repeat,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        if (!chosen.equals(repeat)) {
            return problem(model, "password.mismatch", null);
        }
        try {
            password.choose(current, chosen);
        } catch (BadRequestException e) {
            return problem(model, null, e.getMessage());
        }
        SecurityContext context = SecurityContextHolder.getContext();
        sessions.saveContext(context, request, response);
        return "redirect:/?passwordChanged";
    }

    private static String problem(Model model, @Nullable String key,
            @Nullable String text) {
        model.addAttribute("forced", CurrentUser.get().mustChangePassword());
        model.addAttribute("problemKey", key);
        model.addAttribute("problem", text);
        return "password";
    }
}
