package io.candor.demo;

import java.net.URI;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.candor.compliance.Hold;
import io.candor.compliance.gate.Holds;
import io.candor.platform.tenant.TenantContext;
import io.candor.portal.PortalLinks;
import io.candor.portfolio.AccountFacts;
import io.candor.portfolio.AccountReadModel;
import io.candor.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Debtor portal links to try on the demo: for a few open accounts of people (one per language), a fresh link is
 * logged with the answers its verification asks for — demo data only, never done for real debtors.
 */
@Component
class DemoPortal {

    private static final Logger log = LoggerFactory.getLogger(DemoPortal.class);

    private final AccountReadModel accounts;
    private final Holds holds;
    private final Tenants tenants;
    private final PortalLinks links;
    private final Environment environment;

    DemoPortal(AccountReadModel accounts, Holds holds, Tenants tenants, PortalLinks links, Environment environment) {
        this.accounts = accounts;
        this.holds = holds;
        this.tenants = tenants;
        this.links = links;
        this.environment = environment;
    }

    /** Logs links in the tenant's context. */
    void announce(String slug) {
        URI base = URI.create("http://localhost:" + environment.getProperty("local.server.port", "8080"));
        List<AccountFacts> people = accounts.openBetween(null, null).stream().filter(a -> !a.company())
                .sorted(Comparator.comparing(AccountFacts::language).thenComparing(AccountFacts::reference)).toList();
        Map<UUID, Set<Hold>> held = holds.inForce(people.stream().map(AccountFacts::id).toList(),
                tenants.businessDate(TenantContext.require()));
        Set<String> languages = new HashSet<>();
        for (AccountFacts a : people) {
            if (languages.size() == 3 || languages.contains(a.language()) || held.containsKey(a.id())) {
                continue;
            }
            AccountReadModel.IdentityProof proof = accounts.identityProof(a.id());
            if (proof.birthDate() == null || proof.idLast4() == null) {
                continue;
            }
            languages.add(a.language());
            log.info("Demo portal ({}, account {}, {}): {} — verify with ID last four '{}' and date of birth {}", slug,
                    a.reference(), a.language(), links.create(a.id(), null, "demo", base).url(), proof.idLast4(),
                    proof.birthDate());
        }
    }
}
