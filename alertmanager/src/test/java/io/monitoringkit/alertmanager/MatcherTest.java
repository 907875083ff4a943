package io.monitoringkit.alertmanager;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MatcherTest {

    @Test
    void parsesBareAndQuotedValuesWithSurroundingSpace() {
        assertThat(Matcher.parse(" team = db ")).isEqualTo(Matcher.equal("team", "db"));
        assertThat(Matcher.parse("team!=\"db, web\"")).isEqualTo(Matcher.notEqual("team", "db, web"));
        assertThat(Matcher.parse("a=~\"x|y\"")).isEqualTo(Matcher.regex("a", "x|y"));
        assertThat(Matcher.parse("a!~x.*")).isEqualTo(Matcher.notRegex("a", "x.*"));
        assertThat(Matcher.parse("a=")).isEqualTo(Matcher.equal("a", ""));
    }

    @Test
    void unescapesLikeAlertmanagerAndKeepsSpuriousBackslashes() {
        assertThat(Matcher.parse("q=\"say \\\"hi\\\"\"").value()).isEqualTo("say \"hi\"");
        assertThat(Matcher.parse("q=\"a\\nb\"").value()).isEqualTo("a\nb");
        assertThat(Matcher.parse("q=\"a\\\\b\"").value()).isEqualTo("a\\b");
        assertThat(Matcher.parse("q=a\\d").value()).isEqualTo("a\\d");
        assertThat(Matcher.parse("q=a\\").value()).isEqualTo("a\\");
    }

    @Test
    void rejectsWithAlertmanagersMessages() {
        assertThatThrownBy(() -> Matcher.parse("foo")).hasMessage("bad matcher format: foo");
        assertThatThrownBy(() -> Matcher.parse("1a=b")).hasMessage("bad matcher format: 1a=b");
        assertThatThrownBy(() -> Matcher.parse("a=\"b")).hasMessage("matcher value contains unescaped double quote: \"b");
        assertThatThrownBy(() -> Matcher.parse("a=b\"c")).hasMessage("matcher value contains unescaped double quote: b\"c");
        assertThatThrownBy(() -> Matcher.parse("a=~\"(\""))
                .hasMessageStartingWith("error parsing regexp: ");
    }

    @Test
    void listSplitsOnCommasOutsideQuotesAndToleratesBracesAndATrailingComma() {
        assertThat(Matcher.parseList("{a=b, c=\"d,e\", }")).containsExactly(Matcher.equal("a", "b"),
                Matcher.equal("c", "d,e"));
        assertThat(Matcher.parseList("")).isEmpty();
        assertThatThrownBy(() -> Matcher.parseList(",")).hasMessage("bad matcher format: ");
    }

    @Test
    void printsQuotedAndEscapedSoThatItParsesBack() {
        for (Matcher m : List.of(Matcher.equal("a", "x \"y\" \\ z\nw"), Matcher.regex("b", "a|b,c"),
                Matcher.notEqual("c", ""), Matcher.notRegex("d", "\\d+"))) {
            assertThat(Matcher.parse(m.toString())).isEqualTo(m);
            assertThat(Matcher.parseList(m + "," + m)).containsExactly(m, m);
        }
        assertThat(Matcher.equal("a", "x\"y").toString()).isEqualTo("a=\"x\\\"y\"");
    }

    @Test
    void regexIsAnchoredAndMissingLabelsAreEmpty() {
        assertThat(Matcher.regex("a", "b|c").matches(Map.of("a", "b"))).isTrue();
        assertThat(Matcher.regex("a", "b|c").matches(Map.of("a", "bc"))).isFalse();
        assertThat(Matcher.regex("a", "a.c").matches(Map.of("a", "a\nc"))).as("'.' does not match a newline").isFalse();
        assertThat(Matcher.equal("a", "").matches(Map.of())).isTrue();
        assertThat(Matcher.notEqual("a", "").matches(Map.of())).isFalse();
        assertThat(Matcher.notRegex("a", "x").matches(Map.of())).isTrue();
    }
}
