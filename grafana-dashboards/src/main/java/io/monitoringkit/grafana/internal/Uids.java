package io.monitoringkit.grafana.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Dashboard uids: validation and a stable derivation from the title. */
public final class Uids {
    /** Grafana's limit on uid length. */
    public static final int MAX_LENGTH = 40;
    private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9_-]+");

    private Uids() {
    }

    /** @return what is wrong with {@code uid}, if anything. */
    public static Optional<String> problem(String uid) {
        if (uid.isEmpty()) {
            return Optional.of("must not be empty");
        }
        if (uid.length() > MAX_LENGTH) {
            return Optional.of("\"" + uid + "\" is longer than " + MAX_LENGTH + " characters");
        }
        if (!VALID.matcher(uid).matches()) {
            return Optional.of("\"" + uid + "\" may only contain letters, digits, '-' and '_'");
        }
        return Optional.empty();
    }

    /**
     * @return a slug of the title (lower case ASCII letters and digits joined by '-'); when longer than 40
     *     characters or empty, its first 31 characters and '-' and 8 hex digits of the title's SHA-256
     */
    public static String fromTitle(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (!slug.isEmpty() && slug.length() <= MAX_LENGTH && slug.equals(
                title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", ""))) {
            return slug;
        }
        String hash = sha256Hex(title).substring(0, 8);
        String head = slug.length() > 31 ? slug.substring(0, 31).replaceAll("-+$", "") : slug;
        return head.isEmpty() ? hash : head + "-" + hash;
    }

    private static String sha256Hex(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (byte b : d) {
                sb.append(String.format("%02x", b));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
