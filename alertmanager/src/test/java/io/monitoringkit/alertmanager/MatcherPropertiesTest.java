package io.monitoringkit.alertmanager;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Laws of the matcher syntax: what we print parses back to the same matcher, alone and in lists. */
class MatcherPropertiesTest {

    @Provide
    Arbitrary<Matcher> matchers() {
        Arbitrary<String> names = Arbitraries.strings().withChars("abcxyz_:").ofMinLength(1).ofMaxLength(6)
                .filter(n -> !Character.isDigit(n.charAt(0)));
        Arbitrary<String> values = Arbitraries.strings()
                .withChars("ab ,\"\\\n{}=~!é").ofMaxLength(12);
        Arbitrary<MatchType> types = Arbitraries.of(MatchType.EQUAL, MatchType.NOT_EQUAL);
        return net.jqwik.api.Combinators.combine(names, types, values).as(Matcher::of);
    }

    @Property(tries = 500)
    void printedMatchersParseBack(@ForAll("matchers") Matcher m) {
        assertThat(Matcher.parse(m.toString())).isEqualTo(m);
    }

    @Property(tries = 300)
    void printedListsParseBack(@ForAll("matchers") Matcher a, @ForAll("matchers") Matcher b) {
        assertThat(Matcher.parseList("{" + a + ", " + b + "}")).isEqualTo(List.of(a, b));
    }
}
