package io.candor.demo;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import io.candor.portal.PortalLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Debtor portal links to try on the demo: for a few open accounts of people (one per language), a fresh link is
 * logged with the answers its verification asks for — demo data only, never done for real debtors.
 */
@Component
class DemoPortal {

    private static final Logger log = LoggerFactory.getLogger(DemoPortal.class);

    private final JdbcClient jdbc;
    private final PortalLinks links;
    private final Environment environment;

    DemoPortal(JdbcClient jdbc, PortalLinks links, Environment environment) {
        this.jdbc = jdbc;
        this.links = links;
        this.environment = environment;
    }

    /** Logs links in the tenant's context. */
    void announce(String slug) {
        record Sample(UUID account, String language, String hint, LocalDate birth, String ref) {
        }
        URI base = URI.create("http://localhost:" + environment.getProperty("local.server.port", "8080"));
        jdbc.sql("""
                        SELECT DISTINCT ON (d.language) a.id, d.language, d.national_id_hint, d.birth_date, a.creditor_ref
                        FROM account a JOIN debtor d ON d.tenant_id = a.tenant_id AND d.id = a.debtor_id
                        WHERE a.status = 'OPEN' AND d.kind = 'PERSON' AND d.birth_date IS NOT NULL
                          AND length(d.national_id_hint) >= 4
                          AND NOT EXISTS (SELECT 1 FROM account_hold h WHERE h.account_id = a.id AND h.lifted_at IS NULL)
                        ORDER BY d.language, a.creditor_ref LIMIT 3""")
                .query((rs, n) -> new Sample(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5)))
                .list()
                .forEach(s -> log.info("Demo portal ({}, account {}, {}): {} — verify with ID last four '{}' and date of "
                        + "birth {}", slug, s.ref(), s.language(), links.create(s.account(), null, "demo", base).url(),
                        io.candor.portfolio.MessageFacts.last4(s.hint()), s.birth()));
    }
}
