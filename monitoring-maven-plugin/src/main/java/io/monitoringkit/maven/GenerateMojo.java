package io.monitoringkit.maven;

import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code generate} goal: runs the project's {@code io.monitoringkit.generate.MonitoringDefinition}s, writes
 * what they define (rule files, Prometheus Operator manifests, dashboards and their ConfigMaps, Alertmanager
 * configurations) under {@code target/monitoring}, validates all of it, and fails the build listing every
 * finding.
 *
 * <p>Definitions are found with {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/io.monitoringkit.generate.MonitoringDefinition} file in the project) or named in
 * {@code <definitions>}. They run in a class loader made of the project's runtime class path — the project's
 * classes and its dependencies, which must include {@code io.monitoringkit:monitoring-generate} — so they see the
 * same library versions as the application.
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>io.monitoringkit</groupId>
 *   <artifactId>monitoring-maven-plugin</artifactId>
 *   <version>${monitoringkit.version}</version>
 *   <executions>
 *     <execution>
 *       <goals><goal>generate</goal></goals>     <!-- bound to process-classes -->
 *       <configuration>
 *         <definitions>
 *           <definition>com.example.CheckoutMonitoring</definition>
 *         </definitions>
 *         <prometheusVersion>2.42</prometheusVersion>
 *       </configuration>
 *     </execution>
 *   </executions>
 * </plugin>
 * }</pre>
 */
/*
 * The goal's descriptor is src/main/resources/META-INF/maven/plugin.xml (written by hand, see the pom): goal
 * generate, phase process-classes, runtime dependency resolution, thread-safe; one <parameter> per field below.
 */
public class GenerateMojo extends AbstractMojo {

    static final String ENTRY = "io.monitoringkit.generate.internal.IsolatedRun";

    /** The project, {@code ${project}}. */
    private MavenProject project;

    /** Where the files are written. */
    private File outputDirectory;

    /** Definition classes to run; when empty, those listed for the ServiceLoader. */
    private List<String> definitions = new ArrayList<>();

    /** The Prometheus version rule files are checked for (default: the newest whose rules monitoring-kit knows). */
    private String prometheusVersion;

    /** Dashboard linter rules to turn off, e.g. {@code panel-units}. */
    private List<String> disabledDashboardRules = new ArrayList<>();

    /** Fail on warnings too. */
    private boolean failOnWarnings;

    /** Skip the goal. */
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("monitoring generation skipped");
            return;
        }
        List<URL> urls = new ArrayList<>();
        try {
            for (String element : project.getRuntimeClasspathElements()) {
                urls.add(new File(element).toURI().toURL());
            }
        } catch (DependencyResolutionRequiredException | MalformedURLException e) {
            throw new MojoExecutionException("cannot build the project's runtime class path: " + e.getMessage(), e);
        }
        Map<String, Object> result;
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]),
                ClassLoader.getPlatformClassLoader())) {
            thread.setContextClassLoader(loader);
            result = GenerateRun.invoke(loader, GenerateRun.options(outputDirectory.toPath(), definitions,
                    prometheusVersion, disabledDashboardRules));
        } catch (IOException e) {
            throw new MojoExecutionException("cannot close the definitions' class loader: " + e.getMessage(), e);
        } catch (GenerateRun.SetupException e) {
            throw new MojoExecutionException(e.getMessage(), e.getCause());
        } finally {
            thread.setContextClassLoader(previous);
        }

        GenerateRun.Outcome outcome = GenerateRun.outcome(result, failOnWarnings);
        for (String f : GenerateRun.strings(result, "findings")) {
            if (f.startsWith("ERROR")) {
                getLog().error(f);
            } else {
                getLog().warn(f);
            }
        }
        getLog().info("monitoring: " + String.join(", ", GenerateRun.strings(result, "definitions")) + " -> "
                + GenerateRun.strings(result, "files").size() + " files in " + outputDirectory);
        if (outcome.failed()) {
            throw new MojoFailureException(outcome.message());
        }
    }
}
