package io.candor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * What the package comments promise is checked: the compliance engine's rules, the agent's dialogue, the strategy
 * engine's model and the arrangement rules are pure Java — no Spring, no JDBC — so the what-if CLI, the API, the gate
 * and the planner evaluate with the same code. (A package's module metadata, such as a named interface or the
 * tables it owns, is not code and is not counted.)
 */
class PureDomainTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.candor");

    @Test
    void theComplianceEngineIsFreeOfSpringAndJdbc() {
        noClasses().that().resideInAPackage("io.candor.compliance").and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..")
                .because("docs/compliance.md and the package say the engine is pure Java")
                .check(CLASSES);
    }

    @Test
    void theDeadlineEngineIsFreeOfSpringAndJdbc() {
        noClasses().that().resideInAPackage("io.candor.deadline").and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..")
                .because("the CLI, the API and the complaint cases compute deadlines with the same pure engine")
                .check(CLASSES);
    }

    @Test
    void theAgentsDialogueIsFreeOfSpringAndJdbc() {
        noClasses().that().haveFullyQualifiedName("io.candor.agent.Dialogue")
                .or().haveFullyQualifiedName("io.candor.agent.Phrases")
                .or().resideInAPackage("io.candor.agent.nlu").and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..")
                .because("the dialogue has no side effects: the service carries out its actions")
                .check(CLASSES);
    }

    @Test
    void callMediaIsFreeOfSpringJdbcAndSockets() {
        noClasses().that().resideInAPackage("io.candor.telephony.media").and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
                        "java.nio.channels..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.DatagramSocket")
                .because("codecs, packets, SDP and the detectors are pure: the sessions carry the sockets")
                .check(CLASSES);
    }

    @Test
    void theStrategyEngineIsFreeOfSpringAndJdbc() {
        noClasses().that().resideInAPackage("io.candor.strategy").and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..")
                .because("strategies are parsed and checked in pure Java; the planning run is in strategy.planning")
                .check(CLASSES);
    }

    @Test
    void theArrangementRulesAreFreeOfSpringAndJdbc() {
        noClasses().that().haveFullyQualifiedName("io.candor.arrangement.PolicyCheck")
                .or().haveFullyQualifiedName("io.candor.arrangement.Schedules")
                .or().haveFullyQualifiedName("io.candor.arrangement.Monitoring")
                .or().haveFullyQualifiedName("io.candor.arrangement.Terms")
                .or().haveFullyQualifiedName("io.candor.arrangement.Policy")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..")
                .because("the arrangement package says its rules are pure Java and the services their adapters")
                .check(CLASSES);
    }
}
