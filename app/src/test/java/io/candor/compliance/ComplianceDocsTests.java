package io.candor.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Writes docs/compliance.md from the shipped packs, so the document always says what the engine does. */
class ComplianceDocsTests {

    @Test
    void writesTheRuleTableForComplianceOfficers() throws Exception {
        StringBuilder md = new StringBuilder(Files.readString(Path.of("src/test/resources/compliance/compliance-intro.md")));
        for (RulePack pack : RulePacks.shipped().all()) {
            md.append("\n## ").append(pack.jurisdiction()).append(" — ").append(pack.name()).append("\n\n")
                    .append("Pack version ").append(pack.version()).append(", effective from ").append(pack.effectiveFrom())
                    .append(".\n\n| rule | value | source | confidence |\n|---|---|---|---|\n");
            for (Rule r : pack.rules()) {
                md.append("| `").append(r.id()).append("` | ").append(r.describe().replace("|", "/")).append(" | ")
                        .append(r.source().citation().replace("|", "/")).append(" | ").append(r.source().confidence())
                        .append(" |\n");
            }
        }
        Path out = Path.of("../docs/compliance.md");
        Files.writeString(out, md.toString());
        assertThat(Files.readString(out)).contains("CN-EFFECTIVE-CALLS").contains("BR-SP-HOURS");
    }
}
