package io.candor.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BucketTests {

    @ParameterizedTest(name = "{0} days past due is {1}")
    @CsvSource({"0,M0", "1,M1", "30,M1", "31,M2", "60,M2", "61,M3", "150,M5", "151,M6", "180,M6", "181,M7+", "999,M7+"})
    void bucketBoundariesFollowTheGlossary(int dpd, String bucket) {
        assertThat(Bucket.of(dpd)).isEqualTo(bucket);
    }

    @ParameterizedTest
    @CsvSource({"-1"})
    void negativeDaysPastDueAreRefused(int dpd) {
        assertThatThrownBy(() -> Bucket.of(dpd)).isInstanceOf(IllegalArgumentException.class);
    }
}
