package io.monitoringkit.alertmanager;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A named receiver: where notifications for the routes naming it go. A receiver without notifiers is valid
 * (Alertmanager drops its notifications, a common "null" receiver).
 *
 * <pre>{@code
 * Receiver pager = Receiver.of("db-pager", NotifierConfig.pagerDuty(Secret.of(key)).build());
 * Receiver blackhole = Receiver.of("null");
 * }</pre>
 *
 * @param name      the receiver's name, unique in a configuration
 * @param notifiers its notifiers, in writing order
 */
public record Receiver(String name, List<NotifierConfig> notifiers) {

    /** Copies the notifiers and checks that nothing is null. */
    public Receiver {
        Objects.requireNonNull(name, "name");
        notifiers = List.copyOf(notifiers);
    }

    /** A receiver named {@code name} with {@code notifiers}. */
    public static Receiver of(String name, NotifierConfig... notifiers) {
        return new Receiver(name, Arrays.asList(notifiers));
    }

    /** The notifiers of one kind. */
    public List<NotifierConfig> notifiers(NotifierType type) {
        return notifiers.stream().filter(n -> n.type() == type).toList();
    }

    /** The name and notifiers, secrets as {@code <secret>}. */
    @Override
    public String toString() {
        return "Receiver[" + name + ", " + notifiers + "]";
    }
}
