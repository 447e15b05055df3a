package io.candor.identity;

import io.candor.platform.web.CursorPage;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The users of the tenant, for administrators. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class UsersPage {

    private final Users users;

    UsersPage(Users users) {
        this.users = users;
    }

    @GetMapping("/users")
    String users(Model model) {
        model.addAttribute("users", users.list(null, CursorPage.MAX_LIMIT).items());
        return "users";
    }
}
