package io.monitoringkit.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The parser returns a tree or throws {@link PromQLParseException}: nothing else, for any input. */
class PromQLParserRobustnessTest {

    private static final List<String> SEEDS = List.of(
            "sum by (job) (rate(http_requests_total{code=~\"5..\",job!=\"x\"}[5m])) / on (job) group_left (a) y",
            "histogram_quantile(0.99, sum without (pod) (rate(x_bucket[5m] offset -1h @ start())))",
            "max_over_time(deriv(x[5m])[1h:1m]) > bool 0.5 and y unless z or -w ^ 2",
            "label_replace(up, \"dst\", \"$1\", 'src', `(.*)`) # comment\n + 0x1f * 1e3 - .5 % Inf",
            "topk(3, count_values(\"v\", {__name__=~\"a|b\", \"my.label\"=\"q\"})) atan2 vector(time())",
            "quantile(0.9, x) </ 3 >/ 1");

    private static final String ALPHABET = "(){}[]\"'`,=~!<>/+-*^%@:#. \n\t019eExXaszé\u0000\uD800\uDC00\\";
    private static final String[] WORDS = {"sum", "by", "without", "offset", "@", "bool", "on(", "ignoring",
        "group_left", "rate(", "[5m]", "[5m:]", "{a=\"b\"}", "and", "start()", "1h", "-", "(", ")", "Inf", "\"s\"",
        "topk(", "fill(", "anchored", "step()", "[", "]", "\\x", "\\u12", "0x", "1e"};

    @Test
    @Timeout(60)
    void mutatedExpressionsYieldATreeOrAPositionedParseError() {
        Random random = new Random(20261125L);
        ParseOptions[] options = {ParseOptions.defaults(), ParseOptions.defaults().withExperimentalFunctions(true)};
        int parsed = 0;
        for (int i = 0; i < 30_000; i++) {
            StringBuilder sb = new StringBuilder(SEEDS.get(random.nextInt(SEEDS.size())));
            int mutations = 1 + random.nextInt(4);
            for (int k = 0; k < mutations; k++) {
                int pos = random.nextInt(sb.length() + 1);
                switch (random.nextInt(4)) {
                    case 0 -> {
                        if (pos < sb.length()) {
                            sb.deleteCharAt(pos);
                        }
                    }
                    case 1 -> sb.insert(pos, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    case 2 -> sb.insert(pos, WORDS[random.nextInt(WORDS.length)]);
                    default -> sb.setLength(Math.min(sb.length(), pos));
                }
            }
            String text = sb.toString();
            try {
                Expr e = PromQL.parse(text, options[i & 1]);
                assertThat(e).isNotNull();
                parsed++;
            } catch (PromQLParseException e) {
                assertThat(e.line()).isPositive();
                assertThat(e.column()).isPositive();
                assertThat(e.reason()).isNotBlank();
            } catch (RuntimeException | StackOverflowError e) {
                fail("parsing " + text + " threw " + e, e);
            }
        }
        assertThat(parsed).isPositive();
    }

    @Test
    @Timeout(20)
    void pathologicalNestingIsRejectedWithoutExhaustingTheStack() {
        for (String s : List.of("(".repeat(100_000), "-".repeat(100_000) + "1", "x^".repeat(50_000) + "x",
                "sum(".repeat(50_000), "{".repeat(1000), "[".repeat(1000), "x" + "[5m:]".repeat(10_000),
                String.join("+", java.util.Collections.nCopies(100_000, "x")))) {
            assertThatThrownBy(() -> PromQL.parse(s)).isInstanceOf(PromQLParseException.class);
        }
    }

    @Test
    void loneSurrogatesAndControlCharactersAreErrors() {
        assertThatThrownBy(() -> PromQL.parse("up{a=\"\uD800\"}")).hasMessage("1:6: invalid UTF-8 rune");
        assertThatThrownBy(() -> PromQL.parse("up\u0000")).hasMessage("1:3: unexpected character: '\\x00'");
    }
}
