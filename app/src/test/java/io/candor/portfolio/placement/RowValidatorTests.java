package io.candor.portfolio.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import io.candor.privacy.FieldCipher;
import io.candor.privacy.SearchHash;
import org.junit.jupiter.api.Test;

/** One placement row checked on its own, without a database: what is accepted, and what each refusal says. */
class RowValidatorTests {

    static final List<String> HEADER = List.of("creditor_ref", "debtor_name", "national_id", "birth_date", "phone",
            "country", "currency", "principal", "due_date", "dpd");
    static final LocalDate BUSINESS_DATE = LocalDate.of(2026, 12, 1);

    final RowValidator validator = new RowValidator(ImportJob.Kind.PLACEMENT, ImportProfile.CANONICAL,
            PlacementImports.columns(HEADER, ImportProfile.CANONICAL, ImportJob.Kind.PLACEMENT), HEADER.size(), false,
            BUSINESS_DATE, UUID.randomUUID(), new FieldCipher(Map.of("k1", new SecretKeySpec(new byte[32], "AES")), "k1"),
            new SearchHash(new SecretKeySpec(new byte[32], "HmacSHA256")));

    RowValidator.Result validate(String csv) {
        List<String> cells = Arrays.asList(csv.split(",", -1));
        return validator.validate(new TabularFile.Row(2, cells, csv));
    }

    List<String> problems(String csv) {
        return validate(csv) instanceof RowValidator.Result.Rejected r
                ? r.problems().stream().map(p -> p.column() + ": " + p.reason()).toList() : List.of();
    }

    @Test
    void aSaneRowIsStagedWithItsPhoneInE164AndItsIdSealed() {
        RowValidator.Result r = validate("A1,王伟,110101199003071234,1990-03-07,13800138000,CN,CNY,1000.00,2026-10-01,");
        assertThat(r).isInstanceOf(RowValidator.Result.Valid.class);
        StagedRow row = ((RowValidator.Result.Valid) r).row();
        assertThat(row.phone()).isEqualTo("+8613800138000");
        assertThat(row.nationalIdHint()).isEqualTo("110***********1234");
        assertThat(row.dpd()).as("from the due date to the business date").isEqualTo(61);
    }

    @Test
    void eachValueBeyondItsBoundSaysWhichBoundAndHowToWriteIt() {
        assertThat(problems("A1,王伟,,,13800138000,CN,CNY,1e5,2026-10-01,")).singleElement().asString()
                .contains("principal").contains("exponent").contains("100000");
        assertThat(problems("A1,王伟,,,13800138000,CN,CNY,0,2026-10-01,")).singleElement().asString()
                .contains("must be greater than 0");
        assertThat(problems("A1,王伟,,,13800138000,CN,JPY,100.5,2026-10-01,")).singleElement().asString()
                .contains("more decimals than JPY allows (0)");
        assertThat(problems("A1,王伟,,,13800138000,CN,CNY,99999999999999,2026-10-01,")).singleElement().asString()
                .contains("larger than the largest amount").doesNotContain("decimals");
        assertThat(problems("A1,王伟,,,13800138000,CN,CNY,10.00,2026-02-30,")).singleElement().asString()
                .contains("not a day of the calendar");
        assertThat(problems("A1,王伟,,,13800138000,CN,CNY,10.00,1990-01-01,")).singleElement().asString()
                .contains("due_date").contains("out of range");
        assertThat(problems("A1,王伟,,1890-01-01,13800138000,CN,CNY,10.00,2026-10-01,")).singleElement().asString()
                .contains("birth_date").contains("out of range");
        assertThat(problems("A1,王伟,,,13800138000,CN,CNY,10.00,2026-10-01,20000")).singleElement().asString()
                .contains("dpd: 20000 is more than");
        assertThat(problems("A1,王伟,,,12345,CN,CNY,10.00,2026-10-01,")).singleElement().asString()
                .contains("not a valid phone number in CN");
    }

    @Test
    void aRowWithMoreCellsThanTheHeaderOrAnOverlongCellIsRefusedWhole() {
        assertThat(problems("A1,王伟,,,13800138000,CN,CNY,10.00,2026-10-01,,extra")).singleElement().asString()
                .contains("the row has 11 cells but the header has 10");
        assertThat(problems("A1," + "王".repeat(5000) + ",,,13800138000,CN,CNY,10.00,2026-10-01,"))
                .singleElement().asString().contains("longer than 4000 characters");
    }
}
