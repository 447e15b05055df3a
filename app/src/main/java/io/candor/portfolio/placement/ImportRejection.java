package io.candor.portfolio.placement;

import org.jspecify.annotations.Nullable;

/**
 * A rejected row of an import: its order among the job's rejections, its line in the file, the column at fault (none
 * when the whole row is), the reason, and the row's text (masked unless the reader sees personal data unmasked).
 */
public record ImportRejection(long seq, long line, @Nullable String column, String reason, String raw) {
}
