package dev.weft.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every port the local suite uses, derived from one base so that a clash is solved by moving the base.
 *
 * <pre>
 * base      .. base+299   Fabric nodes (orderer org, org1, org2; blocks of 100)
 * base+1080 .. base+1082  gateway, provisioner, lifecycle HTTP
 * base+2092, base+2093    Kafka client and controller
 * </pre>
 *
 * Chaincode servers are not in the plan: the lifecycle service gives each a free port once and keeps it in its
 * status, so a restarted server comes back at the address its package names.
 *
 * With the default base 7000 this gives the familiar 8080 and 9092.
 *
 * @param base the first port
 */
public record SuitePorts(int base) {

    /** The base when neither {@code --port-base} nor {@code WEFT_PORT_BASE} is given. */
    public static final int DEFAULT_BASE = 7000;

    public SuitePorts {
        if (base < 1024 || base > 65_535 - 2_100) {
            throw new IllegalArgumentException(
                    "port base must be between 1024 and " + (65_535 - 2_100) + ", was " + base);
        }
    }

    public int fabric() {
        return base;
    }

    public int gateway() {
        return base + 1080;
    }

    public int provisioner() {
        return base + 1081;
    }

    public int lifecycle() {
        return base + 1082;
    }

    public int kafka() {
        return base + 2092;
    }

    public int kafkaController() {
        return base + 2093;
    }

    /**
     * The ports that must be free before {@code up} starts anything, by what uses them. The Fabric node ports are the
     * default network's, laid out as the provisioner's {@code NetworkNaming.localPorts} does: an org's block of 100,
     * node {@code i} at {@code +10i} (orderers 4 ports, peers 3), the org's CA at {@code +90} and {@code +91}.
     */
    public Map<Integer, String> required() {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(kafka(), "Kafka");
        ports.put(kafkaController(), "Kafka controller");
        ports.put(gateway(), "gateway-api HTTP");
        ports.put(provisioner(), "provisioner-service HTTP");
        ports.put(lifecycle(), "lifecycle-service HTTP");
        for (int i = 0; i < 3; i++) {
            for (int p = 0; p < 4; p++) {
                ports.put(fabric() + 10 * i + p, "orderer" + i);
            }
        }
        for (int org = 1; org <= 2; org++) {
            int block = fabric() + 100 * org;
            for (int p = 0; p < 3; p++) {
                ports.put(block + p, "org" + org + "-peer0");
            }
            ports.put(block + 90, "org" + org + "-ca");
            ports.put(block + 91, "org" + org + "-ca");
        }
        return ports;
    }
}
