package io.monitoringkit.engine.ruletest.internal;

import io.monitoringkit.model.GoStrings;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Go's {@code filepath.Glob}: {@code *} (any run of characters but the separator), {@code ?}, {@code [...]} classes
 * with ranges and {@code ^} negation, {@code \} escapes, in any path component. No {@code **} and no braces. Names
 * within a directory come back sorted; a pattern without meta characters matches the path when it exists.
 */
public final class GoGlob {

    private GoGlob() {
    }

    /** @return whether {@code s} contains a glob meta character. */
    public static boolean hasMeta(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('\\') >= 0;
    }

    /**
     * @return the paths matching {@code pattern}, sorted within each directory level
     * @throws IllegalArgumentException for a malformed pattern ({@code syntax error in pattern}, as Go says)
     */
    public static List<Path> glob(String pattern) {
        if (!hasMeta(pattern)) {
            Path p = Path.of(pattern);
            return Files.exists(p, LinkOption.NOFOLLOW_LINKS) || Files.exists(p) ? List.of(p) : List.of();
        }
        Path p = Path.of(pattern);
        Path root = p.getRoot();
        List<Path> current = new ArrayList<>();
        current.add(root == null ? Path.of("") : root);
        for (Path part : p) {
            String comp = part.toString();
            List<Path> next = new ArrayList<>();
            if (!hasMeta(comp)) {
                for (Path c : current) {
                    Path q = c.resolve(comp);
                    if (Files.exists(q)) {
                        next.add(q);
                    }
                }
            } else {
                Pattern re = toRegex(comp);
                for (Path c : current) {
                    Path dir = c.toString().isEmpty() ? Path.of(".") : c;
                    if (!Files.isDirectory(dir)) {
                        continue;
                    }
                    List<String> names = new ArrayList<>();
                    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                        for (Path e : ds) {
                            String n = e.getFileName().toString();
                            if (re.matcher(n).matches()) {
                                names.add(n);
                            }
                        }
                    } catch (IOException e) {
                        continue;   // Go's Glob ignores I/O errors
                    }
                    names.sort(GoStrings::compare);
                    for (String n : names) {
                        next.add(c.resolve(n));
                    }
                }
            }
            current = next;
        }
        return current;
    }

    static Pattern toRegex(String comp) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < comp.length(); i++) {
            char c = comp.charAt(i);
            switch (c) {
                case '*' -> re.append("[^/]*");
                case '?' -> re.append("[^/]");
                case '\\' -> {
                    if (++i >= comp.length()) {
                        throw new IllegalArgumentException("syntax error in pattern");
                    }
                    re.append(Pattern.quote(String.valueOf(comp.charAt(i))));
                }
                case '[' -> {
                    int end = comp.indexOf(']', i + 2);
                    if (end < 0) {
                        throw new IllegalArgumentException("syntax error in pattern");
                    }
                    String cls = comp.substring(i + 1, end);
                    boolean neg = cls.startsWith("^");
                    if (neg) {
                        cls = cls.substring(1);
                    }
                    re.append('[').append(neg ? "^/" : "");
                    for (int k = 0; k < cls.length(); k++) {
                        char d = cls.charAt(k);
                        if (d == '\\' && k + 1 < cls.length()) {
                            d = cls.charAt(++k);
                        }
                        if (d == '-' && k > 0 && k < cls.length() - 1) {
                            re.append('-');
                        } else {
                            if (Character.isLetterOrDigit(d)) {
                                re.append(d);
                            } else {
                                re.append('\\').append(d);
                            }
                        }
                    }
                    re.append(']');
                    i = end;
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
