package io.candor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.candor.platform.db.OwnsTables;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;

/**
 * Every table has one owning module (its {@link OwnsTables} list), and only the owner's SQL names it: the test reads
 * the SQL text of every module — string literals and text blocks, comments left out — and finds the tables named
 * after FROM, JOIN, INTO, UPDATE and COPY. SQL coupling is invisible to Spring Modulith; this makes it visible.
 *
 * <p>The exceptions read, never write, and are listed in {@link #READ_ONLY}: reporting ({@code insight} builds the
 * dashboards, the account timeline, the supervisor's day and the experiment outcomes from every module's records),
 * and the planning benchmark's baseline — one plain SQL pass over the tables the run reads, on purpose.
 */
class TableOwnershipTests {

    static final Path SOURCES = Path.of("src/main/java/io/candor");
    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** Modules (or single files) that may read, never write, any module's tables; and why. */
    static final Map<String, String> READ_ONLY = Map.of(
            "insight", "reporting across modules",
            "bench/PlanningBenchmark.java", "the plain SQL pass the planning run is measured against");

    static final Pattern CREATE_TABLE = Pattern.compile("(?i)create table (?:if not exists )?([a-z_][a-z0-9_]*)");
    static final Pattern NAMED = Pattern.compile(
            "(?i)\\b(delete\\s+from|insert\\s+into|update|copy|truncate|from|join|into)\\s+([a-z_][a-z0-9_]*)");
    static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    static final Pattern LINE_COMMENT = Pattern.compile("(?m)//[^\"\\n]*$");

    @Test
    void everyTableHasExactlyOneOwner() {
        Map<String, List<String>> owners = new TreeMap<>();
        owners().forEach((module, tables) -> tables.forEach(t -> owners.computeIfAbsent(t, x -> new ArrayList<>()).add(module)));
        Set<String> tables = tablesInMigrations();
        assertThat(owners.keySet()).as("tables some module claims that no migration creates").isSubsetOf(tables);
        assertThat(tables).as("tables no module's @OwnsTables lists").isSubsetOf(owners.keySet());
        assertThat(owners).as("tables claimed by more than one module").allSatisfy((t, m) -> assertThat(m).hasSize(1));
    }

    @Test
    void aModulesSqlNamesOnlyItsOwnTables() {
        Map<String, String> owner = new TreeMap<>();
        owners().forEach((module, tables) -> tables.forEach(t -> owner.put(t, module)));
        Set<String> trespasses = new TreeSet<>();
        for (Use use : uses(owner.keySet())) {
            String tableOwner = owner.get(use.table());
            if (tableOwner.equals(use.module())) {
                continue;
            }
            if ((READ_ONLY.containsKey(use.module()) || READ_ONLY.containsKey(use.file())) && !use.writes()) {
                continue;
            }
            trespasses.add(use.file() + " → " + use.table());
        }
        assertThat(trespasses).as("SQL naming another module's table: use the owner's API or its events").isEmpty();
    }

    @Test
    void theScannerFindsTablesWhereverSqlNamesThem() {
        Set<String> tables = Set.of("account", "payment", "plan_action");
        List<Use> found = usesIn("strategy", "X.java", """
                class X {
                    // reads FROM account in a comment: not SQL
                    String a = "SELECT 1 FROM account a JOIN payment p ON p.account_id = a.id";
                    String b = \"""
                            UPDATE plan_action SET status = 'SENT'
                            \""";
                }
                """, tables);
        assertThat(found).extracting(Use::table, Use::writes)
                .containsExactlyInAnyOrder(Tuple.tuple("account", false),
                        Tuple.tuple("payment", false),
                        Tuple.tuple("plan_action", true));
    }

    record Use(String module, String file, String table, boolean writes) {
    }

    static Map<String, Set<String>> owners() {
        Map<String, Set<String>> owners = new TreeMap<>();
        for (ApplicationModule module : ModularityTests.MODULES) {
            Package pkg = packageOf(module.getBasePackage().getName());
            OwnsTables owns = pkg == null ? null : pkg.getAnnotation(OwnsTables.class);
            if (owns != null) {
                owners.put(module.getIdentifier().toString(), new TreeSet<>(List.of(owns.value())));
            }
        }
        return owners;
    }

    private static Package packageOf(String name) {
        try {
            return Class.forName(name + ".package-info").getPackage();
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    static Set<String> tablesInMigrations() {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path f : files.toList()) {
                Matcher m = CREATE_TABLE.matcher(Files.readString(f));
                while (m.find()) {
                    tables.add(m.group(1).toLowerCase());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tables;
    }

    static List<Use> uses(Set<String> tables) {
        List<Use> uses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String module = SOURCES.relativize(f).getName(0).toString();
                uses.addAll(usesIn(module, SOURCES.relativize(f).toString(), Files.readString(f), tables));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return uses;
    }

    static List<Use> usesIn(String module, String file, String source, Set<String> tables) {
        String code = LINE_COMMENT.matcher(BLOCK_COMMENT.matcher(source).replaceAll(" ")).replaceAll(" ");
        StringBuilder sql = new StringBuilder();
        Matcher blocks = TEXT_BLOCK.matcher(code);
        while (blocks.find()) {
            sql.append(blocks.group(1)).append('\n');
        }
        Matcher strings = STRING.matcher(TEXT_BLOCK.matcher(code).replaceAll(" "));
        while (strings.find()) {
            sql.append(strings.group(1)).append('\n');
        }
        List<Use> uses = new ArrayList<>();
        Matcher named = NAMED.matcher(sql);
        while (named.find()) {
            String table = named.group(2).toLowerCase();
            if (tables.contains(table)) {
                String verb = named.group(1).toLowerCase().replaceAll("\\s+", " ");
                boolean writes = !verb.equals("from") && !verb.equals("join");
                uses.add(new Use(module, file, table, writes));
            }
        }
        return uses;
    }
}
