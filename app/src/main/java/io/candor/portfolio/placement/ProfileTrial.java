package io.candor.portfolio.placement;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.candor.privacy.FieldCipher;
import io.candor.privacy.SearchHash;
import io.candor.tenancy.Tenants;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A profile tried on a sample of a creditor's file before anything is imported: which of the file's columns it maps
 * to which canonical column, whether the file would be refused whole, and how its first rows would fare. Nothing is
 * stored; the sample is deleted when the trial ends.
 */
@Component
class ProfileTrial {

    /** Rows of a sample that are tried. */
    static final int ROWS = 20;

    /** One column of the file and the canonical column it becomes (null: not imported). */
    record Column(String header, @Nullable String canonical) {
    }

    /** One tried row: its line and, when it would be rejected, why. */
    record Row(long line, List<RowValidator.Problem> problems) {

        public boolean accepted() {
            return problems.isEmpty();
        }
    }

    /** What the trial found; {@code refusal} says why the whole file would be refused (then no row is tried). */
    record Outcome(List<Column> columns, @Nullable String refusal, List<Row> rows) {

        public long accepted() {
            return rows.stream().filter(Row::accepted).count();
        }
    }

    private final Tenants tenants;
    private final FieldCipher cipher;
    private final SearchHash searchHash;

    ProfileTrial(Tenants tenants, FieldCipher cipher, SearchHash searchHash) {
        this.tenants = tenants;
        this.cipher = cipher;
        this.searchHash = searchHash;
    }

    Outcome run(UUID tenant, ImportProfile profile, ImportJob.Kind kind, InputStream sample, boolean unmasked)
            throws IOException {
        Path file = Files.createTempFile("candor-profile-trial", ".upload");
        try {
            Files.copy(sample, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return tried(tenant, profile, kind, file, unmasked);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private Outcome tried(UUID tenant, ImportProfile profile, ImportJob.Kind kind, Path path, boolean unmasked)
            throws IOException {
        try (TabularFile file = TabularFile.open(path, profile)) {
            List<Column> columns = file.header().stream().map(h -> new Column(h,
                    profile.columnFor(h).map(CanonicalColumn::header).orElse(null))).toList();
            Map<CanonicalColumn, Integer> index;
            try {
                index = AccountsImport.columns(file.header(), profile, kind);
            } catch (TabularFile.UnreadableFile e) {
                return new Outcome(columns, e.getMessage(), List.of());
            }
            RowValidator validator = new RowValidator(kind, profile, index, file.header().size(), file.isWorkbook(),
                    tenants.businessDate(tenant), tenant, cipher, searchHash);
            List<Row> rows = new ArrayList<>();
            var it = file.rows();
            while (it.hasNext() && rows.size() < ROWS) {
                TabularFile.Row row = it.next();
                rows.add(new Row(row.line(), switch (validator.validate(row)) {
                    case RowValidator.Result.Valid v -> List.of();
                    case RowValidator.Result.Rejected r -> unmasked ? r.problems() : r.problems().stream()
                            .map(p -> new RowValidator.Problem(p.column(), RejectedText.maskLooksPersonal(p.reason())))
                            .toList();
                }));
            }
            return new Outcome(columns, null, rows);
        } catch (TabularFile.UnreadableFile e) {
            return new Outcome(List.of(), e.getMessage(), List.of());
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
