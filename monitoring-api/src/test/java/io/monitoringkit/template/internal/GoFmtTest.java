package io.monitoringkit.template.internal;

import io.monitoringkit.template.internal.GoValues.GoHtml;
import io.monitoringkit.template.internal.GoValues.GoMap;
import io.monitoringkit.template.internal.GoValues.GoUint8;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GoFmtTest {

    private static String f(String format, Object... args) {
        return GoFmt.sprintf(format, Arrays.asList(args));
    }

    @Test
    void formatsIntegersWithGoVerbsAndFlags() {
        assertThat(f("%d|%5d|%-5d|%05d|%+d|% d", 42L, 42L, 42L, -42L, 5L, 5L)).isEqualTo("42|   42|42   |-0042|+5| 5");
        assertThat(f("%x|%X|%o|%O|%b|%#x|%#o|%#b", 255L, 255L, 8L, 8L, 5L, 255L, 8L, 5L))
                .isEqualTo("ff|FF|10|0o10|101|0xff|010|0b101");
        assertThat(f("%c|%q|%U|%#U", 65L, 66L, 0x1F600L, 0x41L)).isEqualTo("A|'B'|U+1F600|U+0041 'A'");
        assertThat(f("%.3d|%.0d|%8.3d", 7L, 0L, -7L)).isEqualTo("007||    -007");
        assertThat(f("%d", new GoUint8(200))).isEqualTo("200");
    }

    @Test
    void formatsFloatsWithGoVerbsAndFlags() {
        assertThat(f("%v|%g|%G|%e|%E|%f|%F", 1e6, 1e6, 1e-7, 1234.5678, 1234.5678, 1.0, 1.0))
                .isEqualTo("1e+06|1e+06|1E-07|1.234568e+03|1.234568E+03|1.000000|1.000000");
        assertThat(f("%.2f|%8.3f|%-8.2f|%08.3f|%+.1f|% .1f", 3.14159, 3.14159, 2.5, -3.14159, 2.0, 2.0))
                .isEqualTo("3.14|   3.142|2.50    |-003.142|+2.0| 2.0");
        assertThat(f("%5.1f|%05.1f|%+v|%.3v", Double.NaN, Double.POSITIVE_INFINITY, Double.NaN, 3.14159))
                .isEqualTo("  NaN| +Inf|NaN|3.14"); // %+v moves + to struct-field syntax
        assertThat(f("%#g|%#.3g|%#.0f", 1.0, 1.0, 3.0)).isEqualTo("1.00000|1.00|3.");
    }

    @Test
    void formatsStrings() {
        assertThat(f("%s|%10s|%-10s|%.2s|%q|%x|% x|%#x|%X", "abc", "abc", "abc", "héllo", "a\"b\n", "hi", "hi", "hi", "hi"))
                .isEqualTo("abc|       abc|abc       |hé|\"a\\\"b\\n\"|6869|68 69|0x6869|6869");
        assertThat(f("%#q|%#q", "abc", "a`b")).isEqualTo("`abc`|\"a`b\"");
        assertThat(f("%05s|%v", "ab", new GoHtml("<b>"))).isEqualTo("000ab|<b>");
    }

    @Test
    void reportsBadVerbsMissingAndExtraArgumentsAsGoDoes() {
        assertThat(f("%d|%s|%t", "x", 1L, 1.5)).isEqualTo("%!d(string=x)|%!s(int=1)|%!t(float64=1.5)");
        assertThat(f("%d %d", 1L)).isEqualTo("1 %!d(MISSING)");
        assertThat(f("%d", 1L, "a", null)).isEqualTo("1%!(EXTRA string=a, <nil>)");
        assertThat(f("%!")).isEqualTo("%!!(MISSING)");
        assertThat(f("100%")).isEqualTo("100%!(NOVERB)");
        assertThat(f("%s|%d", null, null)).isEqualTo("%!s(<nil>)|%!d(<nil>)");
        assertThat(f("%%|%5%")).isEqualTo("%|%");
        assertThat(f("%T|%T|%T|%T", 1L, 1.5, "s", null)).isEqualTo("int|float64|string|<nil>");
    }

    @Test
    void printsMapsSortedAndStructs() {
        GoMap m = new GoMap(Map.of("b", "2", "a", "1"), true);
        assertThat(GoFmt.sprint1(m)).isEqualTo("map[a:1 b:2]");
        assertThat(f("%q", m)).isEqualTo("map[\"a\":\"1\" \"b\":\"2\"]");
        GoValues.Sample s = new GoValues.Sample(m, 1.5);
        assertThat(GoFmt.sprint1(s)).isEqualTo("&{map[a:1 b:2] 1.5}");
        assertThat(f("%+v", s)).isEqualTo("&{Labels:map[a:1 b:2] Value:1.5}");
    }

    @Test
    void sprintAddsSpacesOnlyBetweenNonStrings() {
        assertThat(GoFmt.sprint(List.of(1L, 2L, "a", "b", 3L))).isEqualTo("1 2ab3");
        assertThat(GoFmt.sprint(Arrays.asList("x", null, 1.5))).isEqualTo("x<nil> 1.5");
        assertThat(GoFmt.sprintln(List.of("a", 1L))).isEqualTo("a 1\n");
    }

    @Test
    void supportsStarWidthAndPrecision() {
        assertThat(f("%*d|%-*d|%.*f|%*d", 5L, 42L, 4L, 7L, 2L, 3.14159, -3L, 1L)).isEqualTo("   42|7   |3.14|1  ");
        assertThat(f("%*d", "x", 1L)).isEqualTo("%!(BADWIDTH)1");
    }

    @Property
    void decimalVerbOfAnIntIsItsDecimalForm(@ForAll long v) {
        assertThat(f("%d", v)).isEqualTo(Long.toString(v));
        assertThat(f("%x", v)).isEqualTo((v < 0 ? "-" : "") + java.math.BigInteger.valueOf(v).abs().toString(16));
    }
}
