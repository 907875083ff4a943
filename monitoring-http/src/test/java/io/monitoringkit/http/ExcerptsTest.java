package io.monitoringkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExcerptsTest {

    @Test
    void stripsHtmlAndCollapsesWhitespace() {
        String html = """
                <!DOCTYPE html>
                <html><head><title>502 Bad Gateway</title><style>body { color: red }</style></head>
                <body><center><h1>502   Bad Gateway</h1></center><hr><center>nginx</center></body></html>
                """;
        assertThat(Excerpts.excerpt(html, 200)).isEqualTo("502 Bad Gateway 502 Bad Gateway nginx");
    }

    @Test
    void cutsLongBodies() {
        assertThat(Excerpts.excerpt("a".repeat(10) + "\n\n b", 5)).isEqualTo("aaaaa...");
        assertThat(Excerpts.excerpt("404 page not found\n", 100)).isEqualTo("404 page not found");
        assertThat(Excerpts.excerpt(null, 10)).isEmpty();
    }

    @Test
    void leavesNonHtmlAngleBracketsAlone() {
        assertThat(Excerpts.excerpt("a < b > c", 50)).isEqualTo("a < b > c");
    }

    @Test
    void stripsUserInfoFromUrls() {
        assertThat(Excerpts.stripUserInfo("http://u:p@host:1/x")).isEqualTo("http://host:1/x");
    }

    @Test
    void secretsPrintRedacted() {
        assertThat(Secret.of("pw")).hasToString("[REDACTED]");
        assertThat(Secret.of("pw").reveal()).isEqualTo("pw");
    }
}
