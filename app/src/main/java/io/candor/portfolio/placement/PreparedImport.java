package io.candor.portfolio.placement;

import java.nio.file.Path;
import java.util.UUID;

import io.candor.platform.web.BadRequestException;
import io.candor.portfolio.Creditors;
import org.jspecify.annotations.Nullable;

/**
 * An upload stored and its job created: the spooled file, its profile and digest, the creditor and portfolio it is
 * for; {@code repeat} is the earlier job when the same content was imported before (then nothing is to be done).
 */
record PreparedImport(UUID job, Path file, ImportProfile profile, PlacementImports.Request request, String creditor,
                      String portfolio, byte[] digest, @Nullable ImportJob repeat) {

    /** The import's creditor: created by a placement when new; a recall or a payment file needs it to exist. */
    UUID creditorIn(Creditors creditors) {
        if (request.kind() == ImportJob.Kind.PLACEMENT) {
            String country = profile.defaultFor(CanonicalColumn.COUNTRY);
            return creditors.ensure(creditor, country == null ? "ZZ" : country);
        }
        return creditors.find(creditor).orElseThrow(() -> new BadRequestException(
                "There is no creditor '" + creditor + "': place accounts for it first."));
    }
}
