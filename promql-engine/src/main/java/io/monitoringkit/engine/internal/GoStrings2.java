package io.monitoringkit.engine.internal;

/** Go string literal unquoting (double-quoted, single-quoted and raw back-quoted), as PromQL uses. */
public final class GoStrings2 {
    private GoStrings2() {
    }

    /** @return the value of the quoted literal {@code q} (quotes included). */
    public static String unquote(String q) {
        if (q.length() < 2) {
            throw new IllegalArgumentException("not a quoted string: " + q);
        }
        char quote = q.charAt(0);
        String body = q.substring(1, q.length() - 1);
        if (quote == '`') {
            return body;
        }
        StringBuilder sb = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (++i >= body.length()) {
                throw new IllegalArgumentException("unterminated escape in " + q);
            }
            char e = body.charAt(i);
            switch (e) {
                case 'a' -> sb.append('\u0007');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'v' -> sb.append('\u000b');
                case '\\', '"', '\'' -> sb.append(e);
                case 'x' -> {
                    sb.append((char) Integer.parseInt(body.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                case 'u' -> {
                    sb.appendCodePoint(Integer.parseInt(body.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                case 'U' -> {
                    sb.appendCodePoint(Integer.parseInt(body.substring(i + 1, i + 9), 16));
                    i += 8;
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        sb.append((char) Integer.parseInt(body.substring(i, i + 3), 8));
                        i += 2;
                    } else {
                        throw new IllegalArgumentException("unknown escape sequence \\" + e + " in " + q);
                    }
                }
            }
        }
        return sb.toString();
    }
}
