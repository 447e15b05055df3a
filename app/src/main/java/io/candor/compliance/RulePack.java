package io.candor.compliance;

import java.time.LocalDate;
import java.util.List;

/** The rules of one jurisdiction (a country, or a subdivision such as BR-SP layered on its country). */
public record RulePack(String jurisdiction, String name, String version, LocalDate effectiveFrom, List<Rule> rules) {
}
