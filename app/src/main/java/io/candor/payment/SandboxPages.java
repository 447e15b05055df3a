package io.candor.payment;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The sandbox provider's hosted payment page: shows the amount, and on "pay" or "decline" sends the signed webhook
 * to the merchant over real HTTP, then sends the payer back — the order a real provider keeps.
 */
@Controller
@ConditionalOnBean(SandboxGateway.class)
class SandboxPages {

    private final SandboxGateway sandbox;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SandboxPages(SandboxGateway sandbox) {
        this.sandbox = sandbox;
    }

    @GetMapping("/sandbox-gateway/checkouts/{session}")
    String page(@PathVariable String session, Model model) {
        SandboxGateway.Session s = sandbox.session(session).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "no such payment session"));
        model.addAttribute("pay", s);
        return "sandbox/checkout";
    }

    @PostMapping("/sandbox-gateway/checkouts/{session}")
    String complete(@PathVariable String session, @RequestParam String outcome, Model model)
            throws InterruptedException {
        SandboxGateway.Session s = sandbox.session(session).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "no such payment session"));
        SandboxGateway.Notification n = sandbox.notification(s, outcome.equals("pay"));
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(s.checkout().webhookUrl())
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .header(SandboxGateway.SIGNATURE, n.signature())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(n.body())).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                model.addAttribute("error", "The merchant answered " + r.statusCode() + ": " + r.body());
                model.addAttribute("pay", s);
                return "sandbox/checkout";
            }
        } catch (IOException e) {
            model.addAttribute("error", "The merchant could not be reached: " + e.getMessage());
            model.addAttribute("pay", s);
            return "sandbox/checkout";
        }
        return "redirect:" + s.checkout().returnUrl();
    }
}
