package io.candor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * Public means used elsewhere: each top-level public type of the application is used outside its own package — by
 * another module, by another package of its module (a sub-package such as {@code planning} or {@code gate}), or by
 * the tests of another package. Everything else — implementations, controllers, configuration, internal records —
 * stays package-private, so a module's surface is what others actually call. The other Maven modules (the verifier,
 * the scoring model) are libraries with their own API and are not checked here.
 */
class ApiSurfaceTests {

    /** The application's classes and its tests, without the other Maven modules' jars. */
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(location -> location.contains("/app/target/classes/")
                    || location.contains("/app/target/test-classes/"))
            .importPackages("io.candor");

    /**
     * Public on purpose though nothing else in the application names them yet: the entry point Java starts, and the
     * interfaces a provider adapter implements (a payment gateway, a contact channel) with the result it returns.
     */
    static final Set<String> ENTRY_POINTS = Set.of("io.candor.Candor", "io.candor.payment.PaymentGateway",
            "io.candor.channel.ChannelAdapter", "io.candor.channel.Delivery",
            // constants other packages use, which the compiler copies into their byte code (no reference remains)
            "io.candor.platform.web.FilterOrder", "io.candor.platform.web.PageLocale");

    @Test
    void everyPublicTypeIsUsedOutsideItsPackage() {
        Set<String> unused = new TreeSet<>();
        for (JavaClass c : CLASSES) {
            if (!c.getModifiers().contains(JavaModifier.PUBLIC) || c.isNestedClass() || c.isAnonymousClass()
                    || c.getSimpleName().equals("package-info") || ENTRY_POINTS.contains(c.getName())
                    || c.getSource().map(src -> src.getUri().toString().contains("/test-classes/")).orElse(false)) {
                continue;
            }
            // a use of a nested type (Placement.Row) is a use of its top-level type
            boolean usedElsewhere = CLASSES.stream()
                    .filter(t -> t.equals(c) || t.getName().startsWith(c.getName() + "$"))
                    .flatMap(t -> t.getDirectDependenciesToSelf().stream())
                    .map(d -> d.getOriginClass().getPackageName())
                    .anyMatch(p -> !p.equals(c.getPackageName()));
            if (!usedElsewhere) {
                unused.add(c.getName());
            }
        }
        assertThat(unused).as("public types nothing outside their package uses: make them package-private").isEmpty();
    }
}
