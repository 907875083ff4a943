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

    @Test
    void followsUnicode15AsGoReleasesOfPrometheus3DoWhateverTheJdk() {
        // Unicode 14/15 additions are printed raw (Java 17's Character would call them unassigned)
        assertThat(GoStrings.quote("\uD83E\uDEE0")).isEqualTo("\"\uD83E\uDEE0\"");   // U+1FAE0 melting face, 14.0
        assertThat(GoStrings.quote("\u0870")).isEqualTo("\"\u0870\"");                 // Arabic letter, 14.0
        assertThat(GoStrings.quote("\uD83E\uDEF8")).isEqualTo("\"\uD83E\uDEF8\"");   // U+1FAF8, 15.0
        // Unicode 15.1/16.0 additions are still unassigned for Go 1.21-1.26 (Java 25 would print them raw)
        assertThat(GoStrings.quote("\u2FFC")).isEqualTo("\"\\u2ffc\"");
        assertThat(GoStrings.quote("\u0897")).isEqualTo("\"\\u0897\"");
        assertThat(GoStrings.quote("\uD807\uDFC0")).isEqualTo("\"\uD807\uDFC0\"");   // U+11FC0 Tamil, 12.0
    }

    @Test
    void escapesNonPrintableCodePointsWithTheShortestGoEscape() {
        assertThat(GoStrings.quote("\u0000\u001b\u0080\u00ad\u2028\ufeff\ue000\u0378"))
                .isEqualTo("\"\\x00\\x1b\\u0080\\u00ad\\u2028\\ufeff\\ue000\\u0378\"");
        assertThat(GoStrings.quote("\uDB80\uDC00\uDB40\uDC01")).isEqualTo("\"\\U000f0000\\U000e0001\"");
        assertThat(GoStrings.quote("\u3000 ")).isEqualTo("\"\\u3000 \"");
    }

    @Test
    void printTableIsSortedAndDisjoint() {
        int[] r = GoPrintable.ranges();
        assertThat(r.length).isEqualTo(2 * GoPrintable.RANGE_COUNT);
        for (int i = 0; i + 1 < r.length; i += 2) {
            assertThat(r[i]).isLessThanOrEqualTo(r[i + 1]);
            if (i + 2 < r.length) {
                assertThat(r[i + 1] + 1).isLessThan(r[i + 2]);
            }
        }
        assertThat(GoPrintable.isPrint(' ')).isTrue();
        assertThat(GoPrintable.isPrint('~')).isTrue();
        assertThat(GoPrintable.isPrint(0x7f)).isFalse();
        assertThat(GoPrintable.isPrint(0x10ffff)).isFalse();
        assertThat(GoPrintable.isPrint(-1)).isFalse();
    }

    @Test
    void comparesStringsByCodePointAsGoDoesNotByUtf16Units() {
        assertThat(GoStrings.compare("\uFFFF", "\uD83D\uDE00")).isNegative();   // Java's compareTo says positive
        assertThat("\uFFFF".compareTo("\uD83D\uDE00")).isPositive();
        assertThat(GoStrings.compare("a", "ab")).isNegative();
        assertThat(GoStrings.compare("ab", "a")).isPositive();
        assertThat(GoStrings.compare("B", "a")).isNegative();
        assertThat(GoStrings.compare("\u00e9", "\u00e9")).isZero();
    }
}
