package io.monitoringkit.engine.ruletest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoGlobTest {

    @Test
    void matchesLikeGosFilepathGlob(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("r/x"));
        for (String f : new String[] {"r/b.yml", "r/a.yml", "r/c.yaml", "r/x/d.yml", "r/[e].yml"}) {
            Files.writeString(dir.resolve(f), "");
        }
        String r = dir.resolve("r") + "/";
        assertThat(GoGlob.glob(r + "*.yml")).containsExactly(dir.resolve("r/[e].yml"), dir.resolve("r/a.yml"),
                dir.resolve("r/b.yml"));
        assertThat(GoGlob.glob(r + "?.y*ml")).containsExactly(dir.resolve("r/a.yml"), dir.resolve("r/b.yml"),
                dir.resolve("r/c.yaml"));
        assertThat(GoGlob.glob(r + "[^a].yml")).containsExactly(dir.resolve("r/b.yml"));
        assertThat(GoGlob.glob(r + "[a-b].yml")).containsExactly(dir.resolve("r/a.yml"), dir.resolve("r/b.yml"));
        assertThat(GoGlob.glob(r + "\\[e].yml")).containsExactly(dir.resolve("r/[e].yml"));
        assertThat(GoGlob.glob(r + "*/d.yml")).containsExactly(dir.resolve("r/x/d.yml"));
        assertThat(GoGlob.glob(r + "**.yml")).hasSize(3);           // no recursive **: one component
        assertThat(GoGlob.glob(r + "a.yml")).containsExactly(dir.resolve("r/a.yml"));
        assertThat(GoGlob.glob(r + "zz.yml")).isEmpty();
        assertThatThrownBy(() -> GoGlob.glob(r + "[a.yml")).hasMessage("syntax error in pattern");
    }
}
