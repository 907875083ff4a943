package io.monitoringkit.model;

/**
 * Go's {@code strconv.Quote}, which Prometheus uses to render label values and PromQL strings: double quotes,
 * backslash escapes for {@code \a \b \f \n \r \t \v \\ \"}, {@code \xNN} for other control bytes, and
 * {@code \\uNNNN}/{@code \\UNNNNNNNN} for non-printable code points; printable Unicode (as Go 1.21-1.26, Unicode
 * 15.0, define it) is kept as is.
 *
 * <pre>{@code
 * GoStrings.quote("a\"b\n");  // "\"a\\\"b\\n\""
 * }</pre>
 */
public final class GoStrings {

    private GoStrings() {
    }

    /**
     * Compares as Go compares strings (and {@code sort.Strings} sorts them): by UTF-8 bytes, which is code point
     * order, not Java's UTF-16 order ({@code "\uFFFF"} sorts before an emoji).
     */
    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** @return {@code s} quoted as Go's {@code strconv.Quote} would. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        quoteTo(sb, s);
        return sb.toString();
    }

    /** Appends {@code s} quoted as Go's {@code strconv.Quote} would. */
    public static void quoteTo(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int len = Character.charCount(cp);
            if (Character.isSurrogate(s.charAt(i)) && len == 1) {
                // an unpaired surrogate is not valid UTF-8; Go renders invalid bytes as \ufffd-free \x escapes,
                // we render the replacement character, which is what Go's Quote of the UTF-8 encoding yields
                sb.append("\\ufffd");
                i++;
                continue;
            }
            switch (cp) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case 7 -> sb.append("\\a");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case 11 -> sb.append("\\v");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        sb.append("\\x").append(Character.forDigit(cp >> 4, 16)).append(Character.forDigit(cp & 0xf, 16));
                    } else if (isGoPrintable(cp)) {
                        sb.appendCodePoint(cp);
                    } else if (cp < 0x10000) {
                        sb.append("\\u").append(String.format("%04x", cp));
                    } else {
                        sb.append("\\U").append(String.format("%08x", cp));
                    }
                }
            }
            i += len;
        }
        sb.append('"');
    }

    /**
     * Go's {@code strconv.IsPrint} as in the Go releases Prometheus 3.x is built with (Unicode 15.0): letters, marks,
     * numbers, punctuation, symbols and the ASCII space; not other spaces, controls, formats, surrogates, private
     * use or unassigned code points. A fixed table, independent of the running JDK's Unicode version.
     */
    static boolean isGoPrintable(int cp) {
        return GoPrintable.isPrint(cp);
    }
}
