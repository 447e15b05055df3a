package io.candor.insight;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Exported text never becomes a formula in a spreadsheet. */
class ExportsTests {

    @Test
    void textThatASpreadsheetWouldReadAsAFormulaIsWrittenAsText() {
        assertThat(Exports.safe("=HYPERLINK(\"http://evil\")")).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(Exports.safe("+86 138")).isEqualTo("'+86 138");
        assertThat(Exports.safe("-1")).isEqualTo("'-1");
        assertThat(Exports.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Exports.safe("collector")).isEqualTo("collector");
        assertThat(Exports.safe("")).isEmpty();
    }
}
