package io.candor.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Currency;
import java.util.EnumSet;

import io.candor.platform.CandorProperties;
import io.candor.platform.CandorStartupException;
import io.candor.platform.ids.Ids;
import io.candor.platform.tenant.TenantContext;
import io.candor.tenancy.Tenant;
import io.candor.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform operator, created on the first start with an empty database: the user {@code operator} in the
 * reserved organisation {@code platform}, with the password {@code CANDOR_OPERATOR_PASSWORD} when it is set, else a
 * random one written once to {@code <data-dir>/initial-operator-password} (readable by the owner only). The log
 * names the file, never the password. The operator manages tenants and holds no debtor data.
 */
@Component
@Order(0)
class PlatformOperator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PlatformOperator.class);
    static final String USERNAME = "operator";
    static final String PASSWORD_FILE = "initial-operator-password";

    private final Tenants tenants;
    private final Users users;
    private final TransactionTemplate tx;
    private final CandorProperties properties;
    private final String configured;

    PlatformOperator(Tenants tenants, Users users, TransactionTemplate tx, CandorProperties properties,
            @Value("${candor.operator.password:}") String configured) {
        this.tenants = tenants;
        this.users = users;
        this.tx = tx;
        this.properties = properties;
        this.configured = configured;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (tenants.idOf(Tenant.PLATFORM_SLUG).isPresent()) {
            return;
        }
        boolean given = !configured.isBlank();
        if (given && configured.length() < 12) {
            throw new CandorStartupException("CANDOR_OPERATOR_PASSWORD is too short for the platform operator.",
                    "Set CANDOR_OPERATOR_PASSWORD to at least 12 characters, or unset it to get a random one in "
                            + passwordFile() + ".");
        }
        String password = given ? configured : random();
        Tenant platform = new Tenant(Ids.newId(), Tenant.PLATFORM_SLUG, "Candor platform", Tenant.Kind.PLATFORM,
                Currency.getInstance("CNY"), ZoneOffset.UTC);
        TenantContext.run(platform.id(), () -> tx.executeWithoutResult(s -> {
            tenants.register(platform);
            UserView created = users.create(new NewUser(USERNAME, "Platform operator", null, password,
                    EnumSet.of(Role.OPERATOR), "en"));
            if (!given) {
                users.requirePasswordChange(created.id()); // the generated one was written to a file
            }
        }));
        if (given) {
            log.info("Platform operator '{}' created in organisation '{}' with the password CANDOR_OPERATOR_PASSWORD sets",
                    USERNAME, Tenant.PLATFORM_SLUG);
            return;
        }
        Path file = passwordFile();
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the platform operator's initial password to " + file, e);
        }
        log.info("Platform operator '{}' created in organisation '{}'; its initial password is in {} (readable by you "
                + "only): sign in, choose a new password, and the file can go", USERNAME, Tenant.PLATFORM_SLUG, file);
    }

    /** Once the operator has chosen a password, the file with the generated one goes. */
    void passwordChosen(CandorPrincipal who) {
        if (!who.tenantSlug().equals(Tenant.PLATFORM_SLUG) || !who.username().equals(USERNAME)) {
            return;
        }
        try {
            if (Files.deleteIfExists(passwordFile())) {
                log.info("The platform operator chose a password; {} is deleted", passwordFile());
            }
        } catch (IOException e) {
            log.warn("Could not delete {}: {}; delete it yourself", passwordFile(), e.getMessage());
        }
    }

    Path passwordFile() {
        return (properties.dataDir() == null ? Path.of("data") : properties.dataDir()).resolve(PASSWORD_FILE);
    }

    private static String random() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
