package io.monitoringkit.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoStringsTest {

    @Test
    void quotesLikeGoStrconvQuote() {
        assertThat(GoStrings.quote("plain")).isEqualTo("\"plain\"");
        assertThat(GoStrings.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(GoStrings.quote("\n\t\r\u0007\b\f\u000b")).isEqualTo("\"\\n\\t\\r\\a\\b\\f\\v\"");
        assertThat(GoStrings.quote("\u0001\u007f")).isEqualTo("\"\\x01\\x7f\"");
    }

    @Test
    void keepsPrintableUnicodeAndEscapesInvisibleOnes() {
        assertThat(GoStrings.quote("héllo 世界 🚀")).isEqualTo("\"héllo 世界 🚀\"");
        assertThat(GoStrings.quote("\u00a0")).isEqualTo("\"\\u00a0\"");
        assertThat(GoStrings.quote("\u200b")).isEqualTo("\"\\u200b\"");
    }
}
