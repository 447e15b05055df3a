/**
 * Placement import: creditor files (CSV or XLSX, UTF-8 or GB18030, millions of rows) streamed, validated row
 * by row, copied into a staging table and merged set-based — all in one transaction per file.
 */
@NullMarked
@org.springframework.modulith.NamedInterface("placement")
package io.candor.portfolio.placement;

import org.jspecify.annotations.NullMarked;
