package io.monitoringkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandResultTest {

    private final CommandResult failed = new CommandResult(List.of("promtool", "check", "rules", "bad.yml"), 1,
            "Checking bad.yml\n", "  FAILED:\nbad.yml: 5:15: unclosed left parenthesis", Duration.ofMillis(41));

    @Test
    void describesCommandExitCodeDurationAndBothOutputs() {
        assertThat(failed.describe()).isEqualTo("""
                $ promtool check rules bad.yml
                exit code 1 after 41 ms
                --- stdout ---
                Checking bad.yml
                --- stderr ---
                  FAILED:
                bad.yml: 5:15: unclosed left parenthesis
                """);
        assertThat(failed).hasToString(failed.describe());
    }

    @Test
    void requireSuccessThrowsTheDescriptionOnNonZeroExit() {
        assertThatThrownBy(failed::requireSuccess)
                .isInstanceOf(ToolException.class)
                .hasMessage(failed.describe());
    }

    @Test
    void requireSuccessReturnsASuccessfulResult() {
        CommandResult ok = new CommandResult(List.of("amtool"), 0, "", "", Duration.ZERO);

        assertThat(ok.requireSuccess()).isSameAs(ok);
        assertThat(ok.succeeded()).isTrue();
        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.output()).startsWith("Checking bad.yml\n  FAILED:");
    }
}
