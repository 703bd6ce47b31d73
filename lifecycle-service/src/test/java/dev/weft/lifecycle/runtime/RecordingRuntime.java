package dev.weft.lifecycle.runtime;

import dev.weft.lifecycle.spec.ChaincodeSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A runtime that only remembers which servers "run", for workflow tests without processes. */
public final class RecordingRuntime implements ChaincodeRuntime {

    private final Set<String> running = new LinkedHashSet<>();
    private final List<String> calls = new ArrayList<>();
    private int nextPort = 40000;
    private boolean failStarts;

    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    public synchronized Set<String> running() {
        return Set.copyOf(running);
    }

    /** Makes servers never accept connections. */
    public synchronized void failStarts() {
        this.failStarts = true;
    }

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public synchronized String address(ChaincodeSpec spec, String mspId, String namespace, Optional<String> reserved) {
        return reserved.orElseGet(() -> "127.0.0.1:" + nextPort++);
    }

    @Override
    public List<String> extraSans() {
        return List.of("127.0.0.1");
    }

    @Override
    public synchronized boolean start(ServerLaunch launch) {
        calls.add("start " + launch.mspId() + " " + launch.packageId());
        return running.add(launch.mspId() + " " + launch.packageId());
    }

    @Override
    public synchronized boolean isRunning(ServerLaunch launch) {
        return running.contains(launch.mspId() + " " + launch.packageId());
    }

    @Override
    public synchronized boolean isServing(String chaincode, String mspId, String packageId) {
        return running.contains(mspId + " " + packageId);
    }

    /** What a killed server process leaves: the runtime no longer sees it. */
    public synchronized void crash(String mspId) {
        running.removeIf(entry -> entry.startsWith(mspId + " "));
    }

    @Override
    public synchronized void awaitAccepting(ServerLaunch launch, Duration timeout) {
        if (failStarts) {
            throw new ServerStartException("the chaincode server for " + launch.mspId()
                    + " does not accept connections on " + launch.address() + " after " + timeout);
        }
    }

    @Override
    public synchronized void retire(String chaincode, String mspId, ServerLaunch keep) {
        running.removeIf(entry -> entry.startsWith(mspId + " ") && !entry.equals(mspId + " " + keep.packageId()));
    }

    @Override
    public synchronized void stopAll(String chaincode, String namespace) {
        running.clear();
    }
}
