package io.candor.identity;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page: tenant, username, password, language; and single sign-on when configured. */
@Controller
class LoginPage {

    /** A single sign-on button. */
    record SingleSignOn(String name, String url) {
    }

    private final ObjectProvider<ClientRegistrationRepository> oidcProviders;

    LoginPage(ObjectProvider<ClientRegistrationRepository> oidcProviders) {
        this.oidcProviders = oidcProviders;
    }

    @GetMapping("/login")
    String login(Model model) {
        List<SingleSignOn> sso = new ArrayList<>();
        if (oidcProviders.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object r : registrations) {
                ClientRegistration c = (ClientRegistration) r;
                sso.add(new SingleSignOn(c.getClientName(), "/oauth2/authorization/" + c.getRegistrationId()));
            }
        }
        model.addAttribute("sso", sso);
        return "login";
    }
}
