package io.monitoringkit.template.internal;

import io.monitoringkit.model.GoStrings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FunctionsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|0", "1|1", "999|999", "1000|1k", "1234567|1.235M", "0.001234|1.234m", "-2500000|-2.5M",
        "1e30|1e+06Y", "0.5|500m", "1e-30|1e-06y", "NaN|NaN", "Infinity|+Inf"})
    void humanizeUsesSiPrefixesWithFourSignificantDigits(double v, String expected) {
        assertThat(Functions.humanize(v)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1|1", "1023|1023", "1024|1ki", "1048576|1Mi", "-3000|-2.93ki", "0.5|0.5"})
    void humanize1024UsesBinaryPrefixes(double v, String expected) {
        assertThat(Functions.humanize1024(v)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|0s", "0.5|500ms", "1|1s", "59.9|59.9s", "61|1m 1s", "3601|1h 0m 1s", "90061|1d 1h 1m 1s", "-61|-1m 1s",
        "0.000123|123us", "-0.5|-500ms"})
    void humanizeDurationSpellsDaysToMilliseconds(double v, String expected) {
        assertThat(Functions.humanizeDuration(v)).isEqualTo(expected);
    }

    @Test
    void toFloatAcceptsWhatPrometheusConvertToFloatAccepts() throws Func.FuncException {
        assertThat(Functions.toFloat(1.5)).isEqualTo(1.5);
        assertThat(Functions.toFloat(2L)).isEqualTo(2.0);
        assertThat(Functions.toFloat("1e3")).isEqualTo(1000.0);
        assertThat(Functions.toFloat(new GoValues.GoDuration(1_500_000_000L, false))).isEqualTo(1.5);
        assertThatThrownBy(() -> Functions.toFloat(true)).hasMessage("can't convert bool to float");
        assertThatThrownBy(() -> Functions.toFloat(null)).hasMessage("can't convert <nil> to float");
        assertThatThrownBy(() -> Functions.toFloat("x"))
                .hasMessage("strconv.ParseFloat: parsing \"x\": invalid syntax");
    }

    @Test
    void floatToTimeTruncatesToMillisecondsAsPrometheusModelTimeDoes() throws Func.FuncException {
        assertThat(Functions.floatToTime(1234567890.123)).isEqualTo(new GoValues.GoTime(1234567890L, 122_000_000, true));
        assertThat(Functions.floatToTime(-1.5)).isEqualTo(new GoValues.GoTime(-2L, 500_000_000, true));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "host:9090|host|9090", "[::1]:80|::1|80", ":80||80"})
    void splitHostPortAsGo(String hp, String host, String port) {
        assertThat(Functions.splitHostPort(hp)).containsExactly(host == null ? "" : host, port);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"host", "::1", "a:b:c", "[::1]", "[a]b:1"})
    void splitHostPortRejectsWhatGoRejects(String hp) {
        assertThat(Functions.splitHostPort(hp)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "foo.example.com:9090|foo:9090", "foo.example.com|foo", "10.0.0.1:80|10.0.0.1:80",
        "[2001:db8::1]:80|[2001:db8::1]:80", "foo|foo", "01.2.3.4|01"})
    void stripDomainKeepsPortsAndAddresses(String in, String out) {
        assertThat(Functions.stripDomain(in)).isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "hello world|Hello World", "hello_world|Hello_world", "hello-world|Hello-World", "don't|Don't",
        "o'neil|O'neil", "x.y|X.y", "1st place|1st Place", "ÉTÉ été|ÉTÉ Été", "HeLLo|HeLLo"})
    void titleUpperCasesWordStartsWithoutLowering(String in, String out) {
        assertThat(Functions.title(in)).isEqualTo(out);
    }

    @Test
    void comparisonsFollowGosBasicKinds() throws Func.FuncException {
        assertThat(Functions.eq(1L, List.of(2L, 1L))).isTrue();
        assertThat(Functions.eq(1L, List.of(new GoValues.GoUint8(1)))).isTrue();
        assertThat(Functions.eq("a", List.of(new GoValues.GoHtml("a")))).isTrue();
        assertThat(Functions.lt(Double.NaN, 1.0)).isFalse();
        assertThat(Functions.lt("é", "z")).isFalse();
        assertThat(GoStrings.compare("\uFFFF", "\uD83D\uDE00")).isNegative();
        assertThatThrownBy(() -> Functions.eq(1L, List.of(1.0))).hasMessage("incompatible types for comparison");
        assertThatThrownBy(() -> Functions.eq(1L, List.of())).hasMessage("missing argument for comparison");
        assertThatThrownBy(() -> Functions.lt(true, false)).hasMessage("invalid type for comparison");
        assertThatThrownBy(() -> Functions.lt(null, 1L)).hasMessage("invalid type for comparison");
        assertThat(Functions.eq(null, List.of(1L))).isFalse();
    }

    @Test
    void escapersMatchGo() {
        assertThat(Functions.htmlEscape("<a href=\"x\">&'</a>")).isEqualTo("&lt;a href=&#34;x&#34;&gt;&amp;&#39;&lt;/a&gt;");
        assertThat(Functions.jsEscape("it's <b>\"x\"</b> & =\n")).isEqualTo(
                "it\\'s \\u003Cb\\u003E\\\"x\\\"\\u003C/b\\u003E \\u0026 \\u003D\\u000A");
        assertThat(Functions.queryEscape("a b&c=d/é~")).isEqualTo("a+b%26c%3Dd%2F%C3%A9~");
    }

    @Test
    void parseDurationFollowsPrometheusCommon() throws Func.FuncException {
        assertThat(Functions.parseDuration("1h30m")).isEqualTo(5400.0);
        assertThat(Functions.parseDuration("-90s")).isEqualTo(-90.0);
        assertThat(Functions.parseDuration("0")).isEqualTo(0.0);
        assertThatThrownBy(() -> Functions.parseDuration("")).hasMessage("empty duration string");
        assertThatThrownBy(() -> Functions.parseDuration("300y")).hasMessage("duration out of range");
        assertThatThrownBy(() -> Functions.parseDuration("h")).hasMessage("not a valid duration string: \"h\"");
    }

    @Test
    void regexesFollowRe2Semantics() throws GoRegex.RegexError {
        Pattern dollar = GoRegex.compile("a$");
        assertThat(dollar.matcher("a\n").find()).isFalse();
        assertThat(GoRegex.compile("(?m)a$").matcher("a\nb").find()).isTrue();
        assertThat(GoRegex.replaceAll(GoRegex.compile("b*"), "abc", "-")).isEqualTo("-a-c-");
        assertThat(GoRegex.replaceAll(GoRegex.compile("(?P<x>a)(b)?"), "ac", "[${x}|$2|$x1|$$|$]"))
                .isEqualTo("[a|||$|$]c");
        assertThat(GoRegex.compile("[[:alpha:]]+").matcher("ab1").lookingAt()).isTrue();
        assertThat(GoRegex.compile("[a[]").matcher("[").find()).isTrue();
        assertThat(GoRegex.compile("a{,2}").matcher("a{,2}").find()).isTrue();
        assertThatThrownBy(() -> GoRegex.compile("(a)\\1"))
                .hasMessage("error parsing regexp: invalid escape sequence: `\\1`");
        assertThatThrownBy(() -> GoRegex.compile("a++"))
                .hasMessage("error parsing regexp: invalid nested repetition operator: `++`");
        assertThatThrownBy(() -> GoRegex.compile("(a"))
                .hasMessage("error parsing regexp: missing closing ): `(a`");
        assertThatThrownBy(() -> GoRegex.compile("a)"))
                .hasMessage("error parsing regexp: unexpected ): `a)`");
    }

    @Test
    void everyNamedFunctionExists() {
        assertThat(Functions.create(null).keySet()).containsExactlyInAnyOrderElementsOf(Functions.ALL_NAMES);
    }
}
