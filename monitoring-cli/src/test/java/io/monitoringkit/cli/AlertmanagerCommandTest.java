package io.monitoringkit.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AlertmanagerCommandTest {
    private static final String CONFIG = """
            route:
              receiver: default
              routes:
                - matchers: [team="db"]
                  receiver: db
                  continue: true
                - matchers: ['severity=~"critical|page"']
                  receiver: pager
            receivers: [{name: default}, {name: db}, {name: pager}]
            """;

    @Test
    void checkPrintsSuccessAndExitsZeroForAValidFile(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("am.yml"), CONFIG);
        CliRun run = CliRun.mkit("alertmanager", "check", f.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(f + ": SUCCESS\n");
    }

    @Test
    void checkPrintsOneLinePerProblemAndExitsOne(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("bad.yml"), """
                route:
                  receiver: nobody
                  group_wait: soon
                receivers: [{name: x, webhook_configs: [{url: 'ftp://h/'}]}]
                """);
        CliRun run = CliRun.mkit("alertmanager", "check", f.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo(f + ": receivers[0].webhook_configs[0].url: unsupported scheme \"ftp\" for URL\n"
                + f + ": route.receiver: undefined receiver \"nobody\" used in route\n"
                + f + ": route.group_wait: not a valid duration string: \"soon\"\n");
    }

    @Test
    void routesTestPrintsTheReceiversCommaSeparated(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("am.yml"), CONFIG);
        assertThat(CliRun.mkit("alertmanager", "routes", "test", "--config", f.toString(), "team=db",
                "severity=page").out()).isEqualTo("db,pager\n");
        assertThat(CliRun.mkit("alertmanager", "routes", "test", "--config", f.toString(), "team=web").out())
                .isEqualTo("default\n");
        assertThat(CliRun.mkit("alertmanager", "routes", "test", "--config", f.toString(), "severity=\"page\"").out())
                .isEqualTo("pager\n");
    }

    @Test
    void routesTestWithAnOperatorNamespaceNeedsTheNamespaceLabel(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("am.yml"), CONFIG);
        assertThat(CliRun.mkit("alertmanager", "routes", "test", "--config", f.toString(), "--operator-namespace",
                "shop", "team=db").out()).isEqualTo("<none>\n");
        assertThat(CliRun.mkit("alertmanager", "routes", "test", "--config", f.toString(), "--operator-namespace",
                "shop", "namespace=shop", "team=db").out()).isEqualTo("db\n");
    }

    @Test
    void routesShowPrintsTheTreeLikeAmtool(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("am.yml"), CONFIG);
        assertThat(CliRun.mkit("alertmanager", "routes", "show", "--config", f.toString()).out()).isEqualTo(
                "Routing tree:\n.\n└── default-route  receiver: default\n"
                        + "    ├── {team=\"db\"}  continue: true  receiver: db\n"
                        + "    └── {severity=~\"critical|page\"}  receiver: pager\n\n");
    }

    @Test
    void routesTestOnAnInvalidFileListsItsProblems(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("bad.yml"), "route: {receiver: nobody}\n");
        CliRun run = CliRun.mkit("alertmanager", "routes", "test", "--config", f.toString(), "a=b");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("route.receiver: undefined receiver \"nobody\" used in route");
    }

    @Test
    void routesTestRejectsANonEqualityLabel(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("am.yml"), CONFIG);
        CliRun run = CliRun.mkit("alertmanager", "routes", "test", "--config", f.toString(), "team=~db");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'team=~db': labels take the form name=value");
    }
}
