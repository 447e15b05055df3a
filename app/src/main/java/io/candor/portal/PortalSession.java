package io.candor.portal;

import java.io.Serializable;
import java.util.Locale;
import java.util.UUID;

/** A verified debtor's portal session: which tenant, link and account, in which language. Kept in the HTTP session. */
record PortalSession(UUID tenant, UUID link, UUID account, Locale locale) implements Serializable {

    static final String ATTRIBUTE = "candor.portal";

    PortalSession withLocale(Locale l) {
        return new PortalSession(tenant, link, account, l);
    }
}
