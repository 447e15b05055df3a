package io.candor.strategy.planning;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import io.candor.identity.CurrentUser;
import io.candor.identity.Role;
import io.candor.identity.UserView;
import io.candor.identity.Users;
import io.candor.platform.web.BadRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Collector teams: each team's skills (languages, buckets, products; empty takes any), its rank (the first team
 * whose skills fit an account gets it) and its members. The daily plan fills the queues from them.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class TeamsPage {

    private final CollectorTeams teams;
    private final Users users;

    TeamsPage(CollectorTeams teams, Users users) {
        this.teams = teams;
        this.users = users;
    }

    @GetMapping("/console/teams")
    String page(Model model) {
        model.addAttribute("teams", teams.teams());
        model.addAttribute("people", users.enabledWith(EnumSet.of(Role.COLLECTOR, Role.SUPERVISOR, Role.AGENCY_USER))
                .stream().map(UserView::username).toList());
        return "console/teams";
    }

    @PostMapping("/console/teams")
    String save(@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        Map<String, String> f = form.toSingleValueMap();
        String code = f.getOrDefault("code", "").strip();
        try {
            int rank;
            try {
                rank = Integer.parseInt(f.getOrDefault("rank", "1").strip());
            } catch (NumberFormatException e) {
                throw new BadRequestException("The rank is a whole number: 1 is tried first.");
            }
            List<String> members = form.getOrDefault("members", List.of());
            teams.putTeam(code, new CollectorTeams.Team(code, f.getOrDefault("name", code).strip(),
                    list(f.get("languages")), list(f.get("buckets")), list(f.get("products")), rank, members),
                    CurrentUser.get().username());
            redirect.addFlashAttribute("saved", code);
        } catch (BadRequestException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/console/teams";
    }

    private static List<String> list(@Nullable String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,，;\\s]+")).filter(s -> !s.isBlank()).toList();
    }
}
