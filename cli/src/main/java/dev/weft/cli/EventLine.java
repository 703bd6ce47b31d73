package dev.weft.cli;

import dev.weft.events.ChaincodeApproved;
import dev.weft.events.ChaincodeCommitted;
import dev.weft.events.ChaincodeFailed;
import dev.weft.events.ChaincodeInstalled;
import dev.weft.events.ChaincodePackaged;
import dev.weft.events.ChaincodeReady;
import dev.weft.events.ChaincodeRequested;
import dev.weft.events.ChaincodeServerStarted;
import dev.weft.events.ChaincodeUpgraded;
import dev.weft.events.CloudEvent;
import dev.weft.events.EventData;
import dev.weft.events.NetworkFailed;
import dev.weft.events.NetworkReady;
import dev.weft.events.NetworkRequested;
import dev.weft.events.NetworkStepProgressed;
import java.time.Duration;

/** One line of progress per event, as {@code ./weft up} prints them. Pure: no I/O. */
final class EventLine {

    private EventLine() {}

    /** {@code [  12.3s] network weft: genesis SUCCEEDED — block 0 written}. */
    static String format(Duration elapsed, CloudEvent<?> event) {
        return String.format("[%6.1fs] %s", elapsed.toMillis() / 1000.0, describe(event.data()));
    }

    static String describe(EventData data) {
        if (data instanceof NetworkRequested e) {
            return "network " + e.network() + ": requested (" + e.runtime() + ", channels " + e.channels() + ")";
        }
        if (data instanceof NetworkStepProgressed e) {
            return "network " + e.network() + ": " + e.step() + " " + e.status() + detail(e.message())
                    + (e.durationMillis() == null ? "" : " (" + e.durationMillis() + " ms)");
        }
        if (data instanceof NetworkReady e) {
            return "network " + e.network() + ": READY — " + e.orderers().size() + " orderers, "
                    + e.organizations().size() + " organizations, channels " + e.channels();
        }
        if (data instanceof NetworkFailed e) {
            return "network " + e.network() + ": FAILED at " + e.step() + " — " + e.error() + hint(e.hint());
        }
        if (data instanceof ChaincodeRequested e) {
            return "chaincode " + e.chaincode() + ": requested " + e.version() + " on " + e.channel();
        }
        if (data instanceof ChaincodePackaged e) {
            return "chaincode " + e.chaincode() + ": packaged for " + e.organization() + " (" + e.packageId() + ")";
        }
        if (data instanceof ChaincodeInstalled e) {
            return "chaincode " + e.chaincode() + ": installed on " + e.organization() + "/" + e.peer()
                    + (e.alreadyInstalled() ? " (already there)" : "");
        }
        if (data instanceof ChaincodeServerStarted e) {
            return "chaincode " + e.chaincode() + ": server for " + e.organization() + " listening on " + e.address()
                    + " (" + e.tlsMode() + ")";
        }
        if (data instanceof ChaincodeApproved e) {
            return "chaincode " + e.chaincode() + ": approved by " + e.organization() + " (sequence " + e.sequence()
                    + ")";
        }
        if (data instanceof ChaincodeCommitted e) {
            return "chaincode " + e.chaincode() + ": committed " + e.version() + " (sequence " + e.sequence() + ")";
        }
        if (data instanceof ChaincodeUpgraded e) {
            return "chaincode " + e.chaincode() + ": upgraded " + e.fromVersion() + " → " + e.toVersion();
        }
        if (data instanceof ChaincodeReady e) {
            return "chaincode " + e.chaincode() + ": READY " + e.version() + " (sequence " + e.sequence() + ") on "
                    + e.channel();
        }
        if (data instanceof ChaincodeFailed e) {
            return "chaincode " + e.chaincode() + ": FAILED at " + e.step()
                    + (e.organization() == null ? "" : " for " + e.organization())
                    + (e.peer() == null ? "" : "/" + e.peer()) + " — " + e.error() + hint(e.hint());
        }
        return data.getClass().getSimpleName() + " " + data.subject();
    }

    private static String detail(String message) {
        return message == null || message.isBlank() ? "" : " — " + message;
    }

    private static String hint(String hint) {
        return hint == null || hint.isBlank() ? "" : " (hint: " + hint + ")";
    }
}
