package dev.weft.provisioner.workflow;

import dev.weft.events.EventData;
import dev.weft.events.NetworkStepProgressed;
import dev.weft.events.StepStatus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps published events; can crash when a given step starts, before its work. */
final class RecordingEvents implements NetworkEvents {

    final List<EventData> events = new CopyOnWriteArrayList<>();
    String crashWhenStarting;

    @Override
    public void publish(EventData event) {
        if (event instanceof NetworkStepProgressed p
                && p.status() == StepStatus.STARTED
                && p.step().equals(crashWhenStarting)) {
            crashWhenStarting = null;
            throw new SimulatedCrash("as " + p.step() + " started");
        }
        events.add(event);
    }

    /** {@code step:STATUS} of every progress event, and the simple class name of the others. */
    List<String> trail() {
        return events.stream()
                .map(e -> e instanceof NetworkStepProgressed p
                        ? p.step() + ":" + p.status()
                        : e.getClass().getSimpleName())
                .toList();
    }

    void clear() {
        events.clear();
    }
}
