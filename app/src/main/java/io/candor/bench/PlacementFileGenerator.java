package io.candor.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Iterator;
import java.util.Random;
import java.util.function.IntFunction;

import io.candor.portfolio.Placement;
import io.candor.portfolio.PlacementCsv;

/**
 * Writes large canonical placement files for benchmarks and crash tests: deterministic, valid rows with
 * mainland numbers, identity numbers and balances, streamed to disk.
 */
public final class PlacementFileGenerator {

    private PlacementFileGenerator() {
    }

    public static Path write(Path file, int rows, String refPrefix, LocalDate businessDate) throws IOException {
        return write(file, rows, refPrefix, businessDate, i -> "zh-CN");
    }

    /** The same file with each debtor's language chosen by the row's number (1 first). */
    public static Path write(Path file, int rows, String refPrefix, LocalDate businessDate, IntFunction<String> language)
            throws IOException {
        Random random = new Random(rows);
        Currency cny = Currency.getInstance("CNY");
        Iterable<Placement.Row> data = () -> new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < rows;
            }

            @Override
            public Placement.Row next() {
                i++;
                int dpd = 1 + random.nextInt(200);
                String id = "110101" + (1960 + random.nextInt(40)) + String.format("%02d%02d", 1 + random.nextInt(12),
                        1 + random.nextInt(28)) + String.format("%04d", random.nextInt(10_000));
                return new Placement.Row(refPrefix + i, Placement.Product.CREDIT_CARD, "债务人" + i, false, id,
                        LocalDate.of(1985, 1, 1), "138" + String.format("%08d", random.nextInt(100_000_000)),
                        null, null, "CN-11", "CN", language.apply(i), cny,
                        BigDecimal.valueOf(100_000 + random.nextInt(5_000_000), 2), BigDecimal.valueOf(random.nextInt(50_000), 2),
                        BigDecimal.ZERO, BigDecimal.ZERO, businessDate.minusDays(dpd), dpd, null);
            }
        };
        try (OutputStream out = Files.newOutputStream(file)) {
            PlacementCsv.write(data, out);
        }
        return file;
    }
}
