package io.monitoringkit.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monitoringkit.query.NativeHistogram.BoundaryRule;
import io.monitoringkit.query.NativeHistogram.Bucket;
import org.junit.jupiter.api.Test;

class NativeHistogramTest {

    @Test
    void boundaryRulesDecideWhichEdgesAreInside() {
        assertThat(new Bucket(BoundaryRule.OPEN_LEFT, 1, 2, 1).contains(1)).isFalse();
        assertThat(new Bucket(BoundaryRule.OPEN_LEFT, 1, 2, 1).contains(2)).isTrue();
        assertThat(new Bucket(BoundaryRule.OPEN_RIGHT, 1, 2, 1).contains(1)).isTrue();
        assertThat(new Bucket(BoundaryRule.OPEN_RIGHT, 1, 2, 1).contains(2)).isFalse();
        assertThat(new Bucket(BoundaryRule.OPEN_BOTH, 1, 2, 1).contains(1)).isFalse();
        assertThat(new Bucket(BoundaryRule.CLOSED_BOTH, -1, 1, 1).contains(-1)).isTrue();
        assertThat(new Bucket(BoundaryRule.CLOSED_BOTH, -1, 1, 1).contains(1.5)).isFalse();
    }

    @Test
    void wireCodesMapToRules() {
        assertThat(BoundaryRule.fromCode(0)).isEqualTo(BoundaryRule.OPEN_LEFT);
        assertThat(BoundaryRule.fromCode(3)).isEqualTo(BoundaryRule.CLOSED_BOTH);
        assertThat(BoundaryRule.OPEN_BOTH.code()).isEqualTo(2);
        assertThatThrownBy(() -> BoundaryRule.fromCode(4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("4 is not a bucket boundary rule; expected 0, 1, 2 or 3");
    }

    @Test
    void errorTypesRoundTripTheirWireNames() {
        for (ErrorType t : ErrorType.values()) {
            assertThat(ErrorType.fromWire(t.wireName())).contains(t);
        }
        assertThat(ErrorType.fromWire("bogus")).isEmpty();
        assertThat(new QueryException(ErrorType.BAD_DATA, "oops")).hasMessage("bad_data: oops")
                .extracting(e -> e.errorType().orElseThrow()).isEqualTo(ErrorType.BAD_DATA);
    }
}
