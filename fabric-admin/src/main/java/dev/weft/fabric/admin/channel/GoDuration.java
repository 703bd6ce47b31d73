package dev.weft.fabric.admin.channel;

import java.math.BigDecimal;
import java.time.Duration;

/** Formats durations like Go's {@code time.Duration.String()}, which is how configtxgen writes them into config. */
final class GoDuration {

    private GoDuration() {}

    static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        if (nanos < 1_000_000_000L) {
            if (nanos % 1_000_000L == 0 || nanos >= 1_000_000L) {
                return strip(BigDecimal.valueOf(nanos).movePointLeft(6)) + "ms";
            }
            if (nanos >= 1_000L) {
                return strip(BigDecimal.valueOf(nanos).movePointLeft(3)) + "µs";
            }
            return nanos + "ns";
        }
        long hours = nanos / 3_600_000_000_000L;
        long minutes = (nanos / 60_000_000_000L) % 60;
        BigDecimal seconds = BigDecimal.valueOf(nanos % 60_000_000_000L).movePointLeft(9);
        StringBuilder text = new StringBuilder();
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            text.append(minutes).append('m');
        }
        return text.append(strip(seconds)).append('s').toString();
    }

    private static String strip(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
