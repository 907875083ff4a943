package io.monitoringkit.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mkit promql}: the PromQL command group; its commands are registered in {@code subcommands}. */
@Command(name = "promql",
        mixinStandardHelpOptions = true,
        versionProvider = Mkit.VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Format and check PromQL expressions (PromQL of Prometheus 3.x).",
        subcommands = {PromqlFormatCommand.class, PromqlCheckCommand.class})
final class PromqlCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }
}
