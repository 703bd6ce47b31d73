package dev.weft.provisioner.workflow;

import dev.weft.events.EventData;

/**
 * Where the workflow's events go: the {@code weft.network} topic in the service, a list in tests. Events about one
 * network are published in order from the network's worker thread.
 */
@FunctionalInterface
public interface NetworkEvents {

    /** Publishes one event body ({@code NetworkRequested}, {@code NetworkStepProgressed}, …). */
    void publish(EventData event);
}
