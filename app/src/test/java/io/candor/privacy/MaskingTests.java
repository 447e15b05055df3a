package io.candor.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import io.candor.identity.Role;
import org.junit.jupiter.api.Test;

class MaskingTests {

    @Test
    void masksAChineseMobileAsCollectorsExpect() {
        assertThat(Masking.phone("+8613800138000")).isEqualTo("+86 138****8000");
    }

    @Test
    void masksOtherCountriesNumbers() {
        assertThat(Masking.phone("+6281234567890")).isEqualTo("+62 812****7890");
        assertThat(Masking.phone("+14155550123")).isEqualTo("+1 415***0123");
    }

    @Test
    void masksIdentifiersAndEmail() {
        assertThat(Masking.nationalId("110101199003071234")).as("the last four prove who a debtor is: never shown")
                .isEqualTo("110***************");
        assertThat(Masking.nationalIdHint("110101199003071234")).isEqualTo("110***********1234");
        assertThat(Masking.nationalId(Masking.nationalIdHint("110101199003071234"))).isEqualTo("110***************");
        assertThat(Masking.birthDate(LocalDate.of(1990, 3, 7))).isEqualTo("1990-**-**");
        assertThat(Masking.bankAccount("1234")).isEqualTo("**** 1234");
        assertThat(Masking.email("zhang.wei@example.com")).isEqualTo("z***@example.com");
        assertThat(Masking.nationalId("A1234")).isEqualTo("A12**");
        assertThat(Masking.nationalId("A12")).isEqualTo("***");
    }

    @Test
    void onlyComplianceOfficersSeeNationalIdsUnmasked() {
        assertThat(PersonalField.NATIONAL_ID.unmaskedFor(Set.of(Role.COMPLIANCE_OFFICER))).isTrue();
        for (Role r : Set.of(Role.ADMIN, Role.SUPERVISOR, Role.COLLECTOR, Role.AGENCY_USER, Role.AUDITOR)) {
            assertThat(PersonalField.NATIONAL_ID.unmaskedFor(Set.of(r))).as(r.name()).isFalse();
        }
        assertThat(PersonalField.PHONE.unmaskedFor(Set.of(Role.COLLECTOR))).isFalse();
    }
}
