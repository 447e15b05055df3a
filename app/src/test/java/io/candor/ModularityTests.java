package io.candor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries hold, and the committed module documentation in docs/modules is the code's: the test
 * generates it afresh and fails when a committed file says something else (the generator orders relations
 * and the items of a table cell differently from run to run, so files are compared as sets of lines). {@code -Dcandor.write-docs=true} refreshes
 * docs/modules.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(CandorApplication.class);
    static final Path COMMITTED = Path.of("../docs/modules");
    static final Path GENERATED = Path.of("target/module-docs");

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void theCommittedModuleDocumentationIsCurrent() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        boolean write = Boolean.getBoolean("candor.write-docs");
        List<String> stale = new ArrayList<>();
        try (Stream<Path> files = Files.list(GENERATED)) {
            for (Path generated : files.sorted().toList()) {
                Path committed = COMMITTED.resolve(generated.getFileName());
                if (!Files.exists(committed) || !lines(committed).equals(lines(generated))) {
                    stale.add(generated.getFileName().toString());
                    if (write) {
                        Files.copy(generated, committed, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        assertThat(write ? List.of() : stale)
                .as("docs/modules is stale; refresh it with ./mvnw -pl app test -Dtest=ModularityTests "
                        + "-Dcandor.write-docs=true and commit it")
                .isEmpty();
    }

    private static List<String> lines(Path file) throws IOException {
        // a table cell's first item carries the cell's '|': which item is first varies from run to run too
        return Files.readAllLines(file).stream().map(l -> l.strip().replaceFirst("^\\|(?=\\* )", ""))
                .filter(l -> !l.isEmpty()).sorted().toList();
    }
}
