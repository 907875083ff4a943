package io.monitoringkit.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mkit rules}: the rule-file command group; its commands are registered in {@code subcommands}. */
@Command(name = "rules",
        mixinStandardHelpOptions = true,
        versionProvider = Mkit.VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Check and unit-test Prometheus rule files and PrometheusRule manifests.",
        subcommands = {RulesCheckCommand.class, RulesTestCommand.class})
final class RulesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }
}
